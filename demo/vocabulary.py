"""Words and phrases the volume generator assembles into French-looking news text.

Subjects come with their grammatical number so that verbs agree. No entry contains ``&``,
``<`` or ``>``, so paragraphs built from them are already sanitised HTML.
"""


def listed(text: str) -> tuple[str, ...]:
    """The comma-separated items of ``text``, for long lists of names."""
    return tuple(" ".join(item.split()) for item in text.split(","))


SUBJECTS = (
    ("le gouvernement", False),
    ("le président de la République", False),
    ("le Kremlin", False),
    ("le président ukrainien", False),
    ("la ministre de la Santé", False),
    ("le ministre de l’Economie", False),
    ("la Première ministre", False),
    ("le maire de la ville", False),
    ("la présidente de la région", False),
    ("le préfet", False),
    ("l’opposition", False),
    ("la majorité présidentielle", False),
    ("le Conseil constitutionnel", False),
    ("le Conseil d’Etat", False),
    ("la Cour des comptes", False),
    ("la Commission européenne", False),
    ("l’Assemblée nationale", False),
    ("le Sénat", False),
    ("le parquet", False),
    ("le tribunal administratif", False),
    ("la direction de l’entreprise", False),
    ("la banque centrale", False),
    ("l’Insee", False),
    ("la fédération", False),
    ("le collectif d’habitants", False),
    ("l’intersyndicale", False),
    ("la police judiciaire", False),
    ("l’agence régionale de santé", False),
    ("le rectorat", False),
    ("l’association", False),
    ("le groupe industriel", False),
    ("la start-up", False),
    ("le club", False),
    ("les syndicats", True),
    ("les députés de l’opposition", True),
    ("les sénateurs", True),
    ("les élus locaux", True),
    ("les enquêteurs", True),
    ("les habitants du quartier", True),
    ("les agriculteurs", True),
    ("les enseignants", True),
    ("les médecins urgentistes", True),
    ("les chercheurs", True),
    ("les associations de riverains", True),
    ("les organisations humanitaires", True),
    ("les salariés du site", True),
    ("les commerçants", True),
    ("les étudiants", True),
    ("les pompiers", True),
    ("les avocats de la défense", True),
    ("les négociateurs", True),
    ("les autorités locales", True),
    ("les supporteurs", True),
)

VERBS = (
    ("a annoncé", "ont annoncé"),
    ("a présenté", "ont présenté"),
    ("a dénoncé", "ont dénoncé"),
    ("a confirmé", "ont confirmé"),
    ("a rejeté", "ont rejeté"),
    ("a validé", "ont validé"),
    ("a suspendu", "ont suspendu"),
    ("a relancé", "ont relancé"),
    ("a critiqué", "ont critiqué"),
    ("a défendu", "ont défendu"),
    ("a obtenu", "ont obtenu"),
    ("a réclamé", "ont réclamé"),
    ("défend", "défendent"),
    ("réclame", "réclament"),
    ("conteste", "contestent"),
    ("prépare", "préparent"),
    ("examine", "examinent"),
    ("redoute", "redoutent"),
    ("soutient", "soutiennent"),
    ("envisage", "envisagent"),
    ("dévoile", "dévoilent"),
    ("met en cause", "mettent en cause"),
    ("remet en question", "remettent en question"),
    ("s’inquiète de", "s’inquiètent de"),
    ("doit encore trancher sur", "doivent encore trancher sur"),
)

OBJECTS = (
    "un projet de loi sur le logement",
    "la guerre en Ukraine",
    "les sanctions contre la Russie",
    "l’aide militaire à Kiev",
    "la réforme de l’assurance chômage",
    "un plan d’économies de plusieurs milliards d’euros",
    "les conclusions du rapport",
    "une hausse des tarifs",
    "le budget de l’année prochaine",
    "la fermeture de l’usine",
    "un nouveau dispositif d’aide aux familles",
    "les mesures de sécurité",
    "la construction d’une ligne de tramway",
    "le calendrier des travaux",
    "la suppression de plusieurs centaines de postes",
    "un accord de libre-échange",
    "la baisse des dotations",
    "l’ouverture d’une enquête",
    "le projet d’autoroute",
    "la rénovation des écoles",
    "le plan de relance",
    "la privatisation du service",
    "les résultats de l’audit",
    "une réforme du code électoral",
    "la hausse du prix de l’électricité",
    "l’interdiction des pesticides",
    "le partage de la valeur",
    "un moratoire sur les forages",
    "le contrat de performance",
    "la création d’une taxe sur les superprofits",
    "le recrutement de soignants",
    "la réouverture de la maternité",
    "un nouveau protocole sanitaire",
    "la candidature de la ville",
    "la réforme du baccalauréat",
    "le statut des travailleurs des plateformes",
    "la régularisation des sans-papiers",
    "les conditions de détention",
    "un cessez-le-feu",
    "l’aide militaire",
    "les sanctions économiques",
    "le transfert de l’entraîneur",
    "le classement des hôpitaux",
)

COMPLEMENTS = (
    "devant la presse",
    "lundi soir",
    "mardi matin",
    "mercredi",
    "jeudi après-midi",
    "vendredi dernier",
    "ce week-end",
    "à l’issue d’une longue réunion",
    "malgré les critiques",
    "dans un communiqué publié dans la soirée",
    "à quelques semaines du scrutin",
    "pour la troisième fois cette année",
    "en fin de matinée",
    "sans attendre l’avis du Conseil d’Etat",
    "après des mois de négociations",
    "sous la pression de la rue",
    "au terme d’un vote serré",
    "lors d’un déplacement en province",
    "sur les réseaux sociaux",
    "dans un entretien accordé à la radio",
    "devant les députés",
    "au grand dam des écologistes",
    "face à la colère des riverains",
    "dans un contexte budgétaire tendu",
)

CONNECTORS = (
    "Dans la foulée",
    "Quelques heures plus tard",
    "Pour l’heure",
    "De son côté",
    "En attendant",
    "Depuis plusieurs mois",
    "Selon nos informations",
    "A l’inverse",
    "Au même moment",
    "Dans l’entourage du ministre",
    "Sur le terrain",
    "En coulisses",
    "Pour autant",
    "Signe de la tension",
)

TAILS = (
    "ce qui a suscité de vives réactions",
    "une décision attendue de longue date",
    "un signal adressé aux partenaires sociaux",
    "alors que la situation reste tendue",
    "selon un décompte provisoire",
    "d’après plusieurs sources concordantes",
    "une première depuis dix ans",
    "sans convaincre les plus sceptiques",
    "au risque de raviver les tensions",
    "un dossier suivi de près à Bruxelles",
)

SOURCES = (
    "plusieurs sources proches du dossier",
    "l’Insee",
    "un rapport parlementaire",
    "l’AFP",
    "les premiers chiffres",
    "un responsable du ministère",
    "une étude publiée jeudi",
    "les services de la préfecture",
    "un document consulté par «Libération»",
)

APPOSITIONS = (
    "en première ligne",
    "sous pression depuis des semaines",
    "à la surprise générale",
    "sans surprise",
    "une fois de plus",
)

STATISTICS = (
    "Le nombre de demandes a augmenté de {n}\u00a0% en un an.",
    "Le chômage a reculé de {n}\u00a0% sur le trimestre.",
    "Près de {k}\u00a0000 personnes sont concernées, selon les derniers chiffres.",
    "Le coût du projet est estimé à {k}\u00a0millions d’euros.",
    "La participation a atteint {n}\u00a0%, un niveau jamais vu depuis longtemps.",
    "Plus de {k}\u00a0000 manifestants ont défilé, selon les organisateurs.",
)

QUOTE_OPENINGS = (
    "Nous ne laisserons pas passer",
    "Personne ne peut accepter",
    "Nous attendons des réponses concrètes sur",
    "On nous promet depuis des années",
    "Il faudra du temps pour mener à bien",
    "C’est une étape importante pour",
    "Rien ne justifie",
    "Nous demandons simplement de la clarté sur",
)

ATTRIBUTIONS = ("a déclaré", "a affirmé", "estime", "assure", "a réagi", "a regretté")

INTERTITLES = (
    "Un calendrier serré",
    "Des moyens en question",
    "La colère des habitants",
    "Un précédent",
    "Des promesses à tenir",
    "Le poids de l’histoire",
    "Une enquête ouverte",
    "«On n’a pas le choix»",
    "Bras de fer",
    "Les chiffres qui fâchent",
    "Un avenir incertain",
    "Le silence de l’exécutif",
    "Une bataille juridique",
    "Sur le terrain",
)

KICKERS = listed("""
    Reportage, Enquête, Décryptage, Analyse, Récit, Interview, Tribune, Portrait, Conflit,
    Justice, Social, Climat, Budget, Santé, Education, Elections, Diplomatie, Faits divers,
    Ligue 1, Festival, Sciences, Tech
""")

SECTIONS = {
    "Politique": (),
    "Economie": ("Entreprises",),
    "Société": ("Justice", "Education", "Santé"),
    "Culture": ("Cinéma", "Livres", "Musique"),
    "Sports": (),
    "Sciences": (),
    "Environnement": (),
    "Idées": (),
    "Monde": ("Afrique", "Amériques", "Asie", "Moyen-Orient"),
}

TOPIC_HEADS = listed("""
    Réforme, Crise, Avenir, Financement, Sécurité, Prix, Politique, Transition, Marché,
    Accès, Coût, Défense, Fin, Bataille, Reconquête, Gouvernance, Protection, Numérique,
    Emploi, Droit, Modernisation, Chantier, Fiscalité, Egalité, Ouverture, Régulation,
    Relance, Souveraineté, Statut, Réseau
""")

TOPIC_COMPLEMENTS = listed("""
    du logement, des retraites, de l’énergie, de l’école, de l’hôpital, des transports, de
    l’eau, de l’agriculture, des médias, du travail, de la police, de la justice, des
    prisons, de l’université, de la recherche, du nucléaire, des forêts, des océans, du
    sport, de la culture, du cinéma, de l’édition, des musées, de la presse, de
    l’audiovisuel, des banques, de l’assurance, de l’industrie, de l’automobile, du rail, de
    l’aérien, du tourisme, de la pêche, de la santé mentale, des Ehpad, de la petite
    enfance, des quartiers, des campagnes, des outre-mer, de la Corse, de l’immigration, de
    l’asile, des frontières, de l’armée, du renseignement, de la diplomatie, de l’Europe, de
    l’Afrique, du Proche-Orient, de l’Asie, des Amériques, de l’intelligence artificielle,
    des réseaux sociaux, des données, du climat, de la biodiversité, des déchets, du vélo,
    de l’alimentation, de la laïcité
""")

DOSSIER_THEMES = listed("""
    Guerre au Proche-Orient, Réforme des retraites, Jeux olympiques de Paris, Crise
    climatique, Intelligence artificielle, Inflation, Elections européennes, Présidentielle
    américaine, Affaire des assistants parlementaires, Violences sexuelles, Crise agricole,
    Nouvelle-Calédonie, Mayotte, Procès des attentats, Crise du logement, Hôpital public,
    Ecole, Immigration, Dette publique, Féminicides
""")

PLACES = listed("""
    Paris, Marseille, Lyon, Toulouse, Nice, Nantes, Montpellier, Strasbourg, Bordeaux,
    Lille, Rennes, Reims, Toulon, Saint-Etienne, Le Havre, Grenoble, Dijon, Angers, Nîmes,
    Clermont-Ferrand, Le Mans, Aix-en-Provence, Brest, Tours, Amiens, Limoges, Annecy,
    Perpignan, Metz, Besançon, Orléans, Rouen, Mulhouse, Caen, Nancy, Argenteuil, Montreuil,
    Roubaix, Tourcoing, Avignon, Poitiers, Pau, La Rochelle, Calais, Cannes, Ajaccio,
    Bastia, Saint-Denis, Cayenne, Nouméa, Papeete, Fort-de-France, Pointe-à-Pitre,
    Mamoudzou, Bruxelles, Genève, Lausanne, Berlin, Munich, Londres, Madrid, Barcelone,
    Rome, Milan, Lisbonne, Amsterdam, Varsovie, Prague, Vienne, Budapest, Athènes, Istanbul,
    Moscou, Kyiv, Odessa, Kharkiv, Tbilissi, Jérusalem, Gaza, Beyrouth, Damas, Bagdad,
    Téhéran, Le Caire, Tunis, Alger, Rabat, Dakar, Bamako, Abidjan, Kinshasa, Nairobi,
    Johannesburg, Washington, New York, Los Angeles, Montréal, Mexico, Bogota, Buenos Aires,
    São Paulo, Pékin, Shanghai, Hongkong, Taipei, Tokyo, Séoul, Pyongyang, New Delhi,
    Bombay, Bangkok, Jakarta, Sydney
""")

ORGANISATIONS = listed("""
    CGT, CFDT, FO, Medef, Insee, CNRS, Inserm, OMS, ONU, Otan, Unesco, Banque de France,
    BCE, FMI, Cour des comptes, Conseil d’Etat, SNCF, RATP, EDF, Engie, TotalEnergies,
    Airbus, Renault, Stellantis, Greenpeace, Médecins sans frontières, Amnesty
    International, Fondation pour le logement, Ligue des droits de l’homme, Restos du cœur,
    Secours populaire, FNSEA, Confédération paysanne, Arcom, Cnil, Défenseur des droits,
    Haute Autorité de santé, Météo-France, Ademe, Office français de la biodiversité, Sénat,
    Assemblée nationale, Commission européenne, Parlement européen, Cour européenne des
    droits de l’homme, Cour pénale internationale, Interpol, Europol, Frontex, Croix-Rouge,
    Fédération française de football, Comité international olympique, UEFA, Fifa
""")

FIRST_NAMES = listed("""
    Camille, Dominique, Claude, Alex, Sacha, Marie, Nathalie, Isabelle, Sophie, Julie,
    Céline, Aurélie, Émilie, Sandrine, Valérie, Christine, Léa, Chloé, Manon, Inès, Sarah,
    Yasmina, Fatou, Aïcha, Nadia, Leïla, Hélène, Anne, Claire, Elise, Margaux, Pauline,
    Lucie, Agnès, Juliette, Jean, Pierre, Michel, Philippe, Alain, Nicolas, Christophe,
    Patrick, Laurent, Frédéric, Stéphane, David, Julien, Thomas, Antoine, Maxime, Hugo,
    Lucas, Louis, Gabriel, Mehdi, Karim, Mamadou, Moussa, Rachid, Youssef, Samir, François,
    Olivier, Vincent, Benoît, Guillaume, Arnaud, Mathieu, Romain, Bruno, Didier, Eric, Yann,
    Erwan, Loïc, Paul, Simon, Raphaël, Arthur
""")

LAST_NAMES = listed("""
    Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon,
    Laurent, Lefebvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel,
    Girard, André, Lefèvre, Mercier, Dupont, Lambert, Bonnet, François, Martinez, Legrand,
    Garnier, Faure, Rousseau, Blanc, Guerin, Muller, Henry, Roussel, Nicolas, Perrin, Morin,
    Mathieu, Clément, Gauthier, Dumont, Lopez, Fontaine, Chevalier, Robin, Masson, Sanchez,
    Gérard, Nguyen, Boyer, Denis, Lemaire, Duval, Joly, Gautier, Roger, Roche, Roy, Noël,
    Meyer, Lucas, Meunier, Jean, Perez, Marchand, Dufour, Blanchard, Marie, Barbier, Brun,
    Dumas, Brunet, Schmitt, Leroux, Colin, Fernandez, Pierre, Renard, Arnaud, Rolland,
    Caron, Aubert, Giraud, Leclerc, Vidal, Bourgeois, Renaud, Lemoine, Picard, Gaillard,
    Philippe, Leclercq, Lacroix, Fabre, Dupuis, Olivier, Rodriguez, Da Silva, Hubert, Louis,
    Charles, Guillot, Rivière, Le Gall, Guillaume, Adam, Rey, Moulin, Gonzalez, Berger,
    Lecomte, Ménard, Fleury, Deschamps, Carpentier, Julien, Benoît, Paris, Maillard,
    Marchal, Aubry, Vasseur, Le Roux, Renault, Jacquet, Collet, Prévost, Poirier,
    Charpentier, Royer, Huet, Baron, Dupuy, Pons, Paul, Laine, Carré, Breton, Rémy,
    Schneider, Perrot, Guyot, Barre, Marty, Cousin, Benali, Haddad, Diallo, Traoré, Kone,
    Mendy, Ait Ali, Bensaïd, Cohen, Lévy, Tran, Pham, Wang, Zhang
""")

ROLES = (
    "maire de {place}",
    "porte-parole de {organisation}",
    "responsable de {organisation}",
    "membre de {organisation}",
    "élu de {place}",
    "économiste",
    "sociologue",
    "juriste",
    "spécialiste de la question",
    "secrétaire général de {organisation}",
)
