"""The French words the quote finder reads by: data only, lowercase, one entry per word.

Nouns are written in the masculine singular with their feminine after a slash
(``ambassadeur/ambassadrice``); plurals are derived. Verbs are listed by group and expanded
into their forms by ``verbs.py``.
"""


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Speech verbs ---------------------------------------------------------------------------

# First group (-er), conjugated regularly from the infinitive.
ER_VERBS = words("""
    déclarer affirmer estimer juger assurer souligner insister marteler confier ajouter
    lancer dénoncer expliquer indiquer rappeler résumer glisser tempêter regretter observer
    noter préciser annoncer raconter témoigner confirmer avouer plaider fustiger ironiser
    réclamer exiger déplorer commenter tweeter détailler relever concéder soupirer trancher
    nuancer évoquer qualifier saluer appeler demander interroger considérer révéler
    signaler mentionner rapporter certifier jurer exhorter inviter implorer supplier
    revendiquer scander lâcher asséner assener tonner fulminer craindre redouter
    remercier féliciter applaudir constater remarquer pointer répliquer rétorquer
    riposter objecter réitérer répéter insister clamer proclamer protester contester nier
    réfuter démentir balayer minimiser relativiser tempérer rectifier corriger compléter
    enchaîner embrayer continuer terminer argumenter justifier développer décrypter
    analyser relater narrer dévoiler divulguer informer garantir alerter menacer prôner
    critiquer accuser attaquer condamner tacler railler plaisanter blaguer souffler
    publier poster murmurer chuchoter crier hurler lister énumérer avancer raisonner pronostiquer
    résumer souhaiter espérer penser trouver parler déclarer acquiescer approuver
    confesser regretter apostropher interpeller questionner illustrer citer fustiger
    savourer exulter jubiler pester grogner maugréer râler bougonner grommeler rassurer
    abonder claironner temporiser modérer recadrer épingler cingler suggérer proposer
    égrener invoquer
""")

# First-group verbs that are speech only with «se»/«s'» («s'inquiète», not «inquiète»),
# and those that are speech both ways («confie», «se confie»).
REFLEXIVE_ER_VERBS = words("""
    agacer insurger indigner inquiéter exclamer emporter étonner alarmer amuser énerver
    irriter offusquer exprimer interroger enthousiasmer esclaffer excuser engager féliciter
    lamenter désoler confier demander remémorer targuer montrer écrier vanter extasier
    émerveiller moquer impatienter
""")
# Second group (-ir, -issons).
IR_VERBS = words("renchérir avertir réagir rugir applaudir rebondir")
REFLEXIVE_IR_VERBS = words("réjouir enorgueillir")

# Third group and irregular verbs: every form the finder reads (3rd person, participles).
IRREGULAR_VERBS = {
    "dire": "dit disent disait disaient dira diront dirait diraient dirent disant dite dits"
    " dites dire",
    "redire": "redit redisent redisait redira redisant redite redire",
    "prévenir": "prévient préviennent prévenait prévenaient prévint préviendra préviendrait"
    " prévenant prévenu prévenue prévenus prévenir",
    "reconnaître": "reconnaît reconnait reconnaissent reconnaissait reconnaissaient reconnut"
    " reconnaîtra reconnaitra reconnaîtrait reconnaissant reconnu reconnue reconnus"
    " reconnaître reconnaitre",
    "répondre": "répond répondent répondait répondaient répondit répondra répondrait"
    " répondant répondu répondre",
    "poursuivre": "poursuit poursuivent poursuivait poursuivit poursuivra poursuivant"
    " poursuivi poursuivre",
    "conclure": "conclut concluent concluait conclura conclurait concluant conclu conclue conclure",
    "promettre": "promet promettent promettait promit promettra promettrait promettant"
    " promis promise promettre",
    "admettre": "admet admettent admettait admit admettra admettrait admettant admis admise"
    " admettre",
    "mettre en garde": "met mettent mettait mit mettra mettant mis mise mettre",
    "écrire": "écrit écrivent écrivait écrivaient écrivit écrira écrirait écrivant écrite"
    " écrits écrire",
    "décrire": "décrit décrivent décrivait décrivit décrira décrivant décrite décrire",
    "sourire": "sourit sourient souriait sourira souriant souri sourire",
    "rire": "rit rient riait rira riant",
    "défendre": "défend défendent défendait défendit défendra défendant défendu défendue défendre",
    "faire état|faire valoir|faire savoir|faire part": "fait font faisait faisaient fit fera"
    " ferait faisant faire",
    "soutenir": "soutient soutiennent soutenait soutint soutiendra soutenant soutenu"
    " soutenue soutenir",
    "maintenir": "maintient maintiennent maintenait maintint maintiendra maintenu maintenir",
    "convenir": "convient conviennent convenait convint convenu convenir",
    "croire": "croit croient croyait crut croira croirait croyant croire",
    "reprendre": "reprend reprennent reprenait reprit reprendra reprenant repris reprendre",
    "se souvenir": "souvient souviennent souvenait souvint souvenu souvenue",
    "prédire": "prédit prédisent prédisait prédira prédisant prédite prédire",
    "contredire": "contredit contredisent contredisait contredisant contredire",
    "se plaindre": "plaint plaignent plaignait plaignant",
    "craindre": "craint craignent craignait craindra craignant craindre",
    "s'émouvoir": "émeut émeuvent émouvait ému émue émus",
    "lire": "lit lire",
}
# Verbs of will before a speech verb in the infinitive («a tenu à souligner», «veut
# rappeler»): the forms that carry the tense.
MODAL_VERBS = words("""
    tenu tient tenait tiennent voulu veut voulait veulent souhaité souhaite souhaitait
    préféré préfère préférait choisi choisit décidé décide pu su
""")
# Speech verbs that describe writing: what they introduce is a document.
WRITING_VERBS = words("écrire tweeter lire publier poster")
# Verbs whose subject is a text: «le traité prévoit «…»», «l'article stipule «…»».
DOCUMENT_ONLY_VERBS = {
    "prévoir": "prévoit prévoient prévoyait prévoira prévu prévue",
    "stipuler": "stipule stipulent stipulait stipulé",
    "disposer": "dispose disposent",
    "énoncer": "énonce énoncent",
    "lire": "lit",
    "écrire": "écrit",
}
# Verb forms that are also nouns: not a verb after a determiner («l'estime», «une note»).
NOUN_HOMOGRAPHS = words("""
    estime annonce annonces note notes écrit écrits sourire sourires relève tranche tempête
    nuance nuances résumé juge juges crainte critique critiques réclame pointe souffle
    réplique riposte alerte poste dit lance lâche conseil appel rappel fait soutien
    commentaire plainte demande demandes reprise promise témoin regret assurance
    prévenu prévenus
""")
# The naming verbs and participles that introduce a name, not words: «surnommé «le Tigre»».
NAMING_WORDS = words("""
    surnommé surnommée surnommés surnommées baptisé baptisée baptisés baptisées intitulé
    intitulée intitulés intitulées nommé nommée dénommé dénommée alias dit dite dits dites
    appelé appelée appelés appelées rebaptisé rebaptisée rebaptisés renommé renommée
    sobriquet pseudonyme pseudo surnom
    s'appelle s'appelait s'appellent nom intitule baptise surnomme
""")
# Stems of the naming verbs that take an object before the name («a surnommé le texte la
# «…»»): the form matters less than the verb.
NAMING_STEMS = (
    "surnomm",
    "baptis",
    "rebaptis",
    "renomm",
    "dénomm",
    "appel",
)
# Prepositions after «appeler» that make it a call, not a naming («appeler au «calme»»).
CALL_PREPOSITIONS = words("""
    à au aux
""")

AUXILIARIES = words("""
    a ont avait avaient aura auront aurait auraient eut eût ait aient ayant avoir
    est sont était étaient sera seront serait seraient fut fût soit soient étant être été
""")
ETRE_FORMS = words("est sont était étaient sera seront serait seraient fut soit étant être été")
# Adverbs that may stand between an auxiliary and its participle («a-t-il encore dit»).
ADVERBS = words("""
    pas plus jamais encore également aussi ainsi déjà bien même notamment longtemps souvent
    toujours alors ensuite enfin aussitôt immédiatement publiquement ouvertement clairement
    vivement fermement longuement simplement récemment justement pourtant toutefois
    cependant néanmoins surtout d' d’ ailleurs volontiers franchement sobrement sèchement
    froidement doctement calmement prudemment lui-même elle-même eux-mêmes elles-mêmes
    tout tôt tard aussi très rapidement mardi lundi mercredi jeudi vendredi samedi dimanche
    hier seulement uniquement finalement vertement brièvement directement personnellement
    officiellement discrètement abord lui elle eux elles
""")
# Phrases that may stand between an auxiliary and its participle («a pour sa part salué»),
# separated by «|».
INSERTED_BETWEEN = (
    "pour sa part|pour leur part|de son côté|de leur côté|à son tour|à leur tour|lui aussi"
    "|elle aussi|eux aussi|elles aussi|quant à lui|quant à elle|une nouvelle fois"
    "|une fois de plus|encore une fois|de nouveau|à nouveau"
)
# Words that set a subject against someone else («Le maire, lui, reste optimiste», «De son
# côté, la préfète…»): the subject answers the words before, it did not say them.
CONTRAST_PRONOUNS = words("lui elle eux elles")
CONTRAST_PHRASES = (
    "de son côté|de leur côté|pour sa part|pour leur part|en revanche|quant à|à l’inverse"
    "|au contraire|pour autant"
)
TIME_WORDS = words("""
    lundi mardi mercredi jeudi vendredi samedi dimanche hier demain aujourd'hui aujourd’hui
    matin soir midi après-midi soirée matinée nuit semaine week-end mois année fin début
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
""")

# Who speaks -------------------------------------------------------------------------------

TITLES = {
    "m": "m",
    "mm": "m",
    "mme": "f",
    "mmes": "f",
    "mlle": "f",
    "dr": None,
    "pr": None,
    "me": None,
    "maître": None,
    "docteur": None,
    "professeur": None,
    "mgr": "m",
}
DETERMINERS = {
    # word: (gender, plural, definite, oblique)
    "le": ("m", False, True, False),
    "la": ("f", False, True, False),
    "l'": (None, False, True, False),
    "l’": (None, False, True, False),
    "les": (None, True, True, False),
    "un": ("m", False, False, False),
    "une": ("f", False, False, False),
    "des": (None, True, False, False),
    "du": ("m", False, True, True),
    "au": ("m", False, True, True),
    "aux": (None, True, True, True),
    "son": (None, False, True, False),
    "sa": ("f", False, True, False),
    "ses": (None, True, True, False),
    "leur": (None, False, True, False),
    "leurs": (None, True, True, False),
    "ce": ("m", False, True, False),
    "cet": ("m", False, True, False),
    "cette": ("f", False, True, False),
    "ces": (None, True, True, False),
    "notre": (None, False, True, False),
    "votre": (None, False, True, False),
}
ARTICLES = words("le la l' l’ les un une des du au aux ce cet cette ces")
POSSESSIVES = words("son sa ses leur leurs notre nos votre vos mon ma mes")
PREPOSITIONS = words("""
    à au aux de d' d’ du des sur dans par pour avec sans chez contre entre vers envers devant
    derrière auprès lors après avant selon parmi sous en face malgré grâce outre jusqu'à
    jusqu’à
""")
PRE_ADJECTIVES = words("""
    ancien ancienne anciens anciennes ex nouveau nouvel nouvelle nouveaux nouvelles futur
    future actuel actuelle dernier dernière derniers dernières jeune vieux vieil vieille
    premier première premiers haut haute
    grand grande éternel éternelle puissant puissante influent influente célèbre
    controversé controversée sulfureux sulfureuse emblématique très populaire
""")
# Words that make a role a former one («l'ancien maire», «l'ex-ministre»).
FORMER_WORDS = words("""
    ancien ancienne anciens anciennes ex
""")
# Role nouns: who someone is («le porte-parole», «la maire»), in the masculine singular.
# The feminine and the plural follow the rules of ``nouns.py`` («adjoint» → «adjointe»,
# «directeur» → «directrice», «chirurgien» → «chirurgienne»); an irregular feminine is
# written after a slash («auteur/autrice»), and a slash with nothing after it marks a noun
# with no feminine of its own («médecin/», «témoin/»). A noun in «-e» is both.
GENERAL_ROLES = """
    ministre porte-parole président vice-président maire adjoint député eurodéputé
    sénateur ambassadeur/ambassadrice diplomate secrétaire directeur chef/cheffe
    responsable juge procureur/procureure avocat bâtonnier magistrat entraîneur
    entraineur sélectionneur capitaine joueur attaquant défenseur gardien coach manager/
    expert chercheur économiste politologue sociologue historien analyste spécialiste
    syndicaliste militant conseiller préfet commissaire général colonel commandant
    lieutenant amiral/ officier soldat policier gendarme pompier médecin/ infirmier
    chirurgien professeur/professeure enseignant instituteur/institutrice étudiant élève
    lycéen agriculteur éleveur habitant riverain témoin/ victime élu candidat patron pdg
    dirigeant fondateur cofondateur coordinateur délégué représentant gérant commerçant
    chauffeur ouvrier salarié employé retraité père/mère frère/sœur fils/fille
    époux/épouse mari veuf/veuve proche ami/amie voisin chancelier roi/reine
    prince/princesse pape cardinal/ évêque archevêque imam rabbin/ pasteur/pasteure
    prêtre abbé/ recteur doyen auteur/autrice écrivain romancier réalisateur acteur
    comédien chanteur artiste musicien journaliste éditorialiste photographe producteur
    cinéaste architecte ingénieur/ingénieure démographe épidémiologiste virologue
    infectiologue climatologue géographe philosophe psychologue psychiatre pédiatre
    urgentiste vétérinaire pharmacien banquier investisseur consultant lobbyiste
    activiste opposant dissident manifestant gréviste leader/ rapporteur/rapporteure
    trésorier gouverneur/gouverneure émissaire envoyé négociateur médiateur observateur
    inspecteur enquêteur/enquêtrice source interlocuteur/interlocutrice intéressé
    sportif athlète coureur pilote nageur skieur cycliste footballeur rugbyman tennisman
    boxeur champion arbitre supporter/supportrice propriétaire locataire édile
    bourgmestre fonctionnaire agent militaire combattant otage réfugié migrant détenu
    accusé suspect plaignant présentateur animateur numéro sous-préfet vice-chancelier
    homologue collègue président-directeur/ haut-commissaire garde ministre-président
    internaute utilisateur usager citoyen électeur fan spectateur client patient parent/
    lecteur auditeur/auditrice passant touriste visiteur consommateur bénévole membre
    adhérent partisan/partisane sympathisant ultra aide-soignant sage-femme auxiliaire
    caissier serveur cuisinier boulanger artisan/artisane pêcheur viticulteur vigneron
    maraîcher chômeur livreur conducteur cheminot marin/ paysan/paysanne entourage
    opérateur soudeur commis/commise critique principal cosecrétaire co-secrétaire
    prévisionniste céréalier ostréiculteur oncle/tante cousin neveu/nièce grand-
    père/grand-mère paléontologue primatologue hydrologue géologue biologiste
    glaciologue sismologue volcanologue archéologue technicien ouvreur buteur ailier
    talonneur meneur sprinteur grimpeur rameur skipper/ navigateur jockey préparateur
    kinésithérapeute kiné/ greffier huissier notaire juré légiste actionnaire trader/
    courtier comptable vendeur restaurateur hôtelier mécanicien garagiste plombier
    électricien maçon/ menuisier couvreur charpentier peintre sculpteur/sculptrice
    dessinateur chorégraphe danseur dramaturge scénariste compositeur/compositrice
    rappeur violoniste pianiste guitariste batteur humoriste poète/poétesse
    éditeur/éditrice libraire galeriste conservateur programmateur consul/consule
    armateur sauveteur secouriste dentiste généraliste cardiologue anesthésiste
    radiologue gynécologue oncologue neurologue compagnon/compagne conjoint fiancé
    gendre belle-mère beau-père belle-sœur beau-frère orphelin héritier sommelier
    pâtissier boucher fromager apiculteur forestier bûcheron jardinier paysagiste
    urbaniste promoteur/promotrice intendant proviseur/proviseure surveillant formateur
    doctorant informaticien développeur entrepreneur commissaire-priseur/ juriste
    fiscaliste substitut/ détective prévenu
"""
POLITICS_ROLES = """
    questeur colistier suppléant collaborateur assistant attaché administrateur
    conseiller sherpa haut-fonctionnaire ministre-délégué/ chargé
"""
JUSTICE_ROLES = """
    condamné requérant défendeur/défenderesse avocat-conseil/ juge-assesseur/
    assesseur/assesseure procureur-adjoint/ témoin/
"""
SECURITY_ROLES = """
    brigadier adjudant sergent caporal major légionnaire démineur plongeur douanier
    garde-côte parachutiste lieutenant-colonel contre-amiral/ vice-amiral/ maréchal/
    capitaine-pompier/ sapeur/ commandant-adjoint/ pilote/ gardien
"""
HEALTH_ROLES = """
    ambulancier brancardier interne praticien gériatre dermatologue ophtalmologue
    orthophoniste psychanalyste médecin-chef/ soignant malade addictologue
    néonatologiste réanimateur obstétricien laborantin ergothérapeute psychomotricien
    diététicien
"""
SPORT_ROLES = """
    pilier ailier arrière latéral avant-centre pivot passeur libéro flanker marathonien
    judoka escrimeur handballeur basketteur volleyeur golfeur biathlète patineur
    gymnaste perchiste sauteur décathlonien copilote recrue international
    vice-champion médaillé finaliste vainqueur lauréat coéquipier
    partenaire adversaire sélectionné joueur président-délégué/ directeur-sportif/
    préparateur
"""
ECONOMY_ROLES = """
    drh dg daf pdg cariste contremaître intérimaire manutentionnaire magasinier
    logisticien routier docker sidérurgiste métallurgiste expert-comptable/ commercial
    standardiste stagiaire apprenti alternant syndiqué industriel exploitant
    arboriculteur mareyeur conchyliculteur sylviculteur berger meunier minotier brasseur
    négociant importateur exportateur grossiste détaillant franchisé buraliste fleuriste
    coiffeur esthéticien coursier postier aiguilleur contrôleur machiniste
    carrossier chauffagiste plaquiste carreleur grutier terrassier chaudronnier tourneur
    fraiseur ajusteur monteur régleur géomètre travailleur
"""
CULTURE_ROLES = """
    céramiste potier ébéniste luthier orfèvre relieur brodeur tisserand forgeron
    sellier doreur marqueteur
    documentariste plasticien illustrateur librettiste violoncelliste bassiste soliste
    choriste circassien acrobate clown marionnettiste slameur dj parolier interprète
    vidéaste youtubeur influenceur traducteur régisseur costumier décorateur scénographe
    éclairagiste cadreur distributeur festivalier mécène collectionneur archiviste
    bibliothécaire conteur biographe essayiste créateur styliste couturier designer/
"""
EDUCATION_ROLES = """
    cpe aesh atsem collégien écolier universitaire éducateur documentaliste
    maître/maîtresse directeur-adjoint/ principal-adjoint/ proviseur-adjoint/
    professeure-documentaliste/
"""
SCIENCE_ROLES = """
    scientifique physicien chimiste mathématicien astronome astrophysicien océanographe
    anthropologue ethnologue linguiste généticien neuroscientifique immunologiste
    statisticien écologue botaniste zoologiste entomologiste ornithologue agronome
    météorologue naturaliste sociologue
"""
RELIGION_ROLES = """
    curé vicaire aumônier diacre moine/ religieux/religieuse nonne chanoine
    prieur/prieure abbesse mufti fidèle paroissien croyant pèlerin imam
"""
SOCIETY_ROLES = """
    humanitaire écologiste travailleur éducateur juriste bénévole militant
"""
FAMILY_ROLES = """
    petit-fils/petite-fille beau-fils/belle-fille demi-frère/demi-sœur jumeau/jumelle
    tuteur/tutrice parrain/marraine filleul concubin enfant adolescent aîné cadet
    benjamin grand-oncle/grand-tante
"""
# Grades and forms of address written before a name like a title («le colonel X», «le
# professeur X», «le père X», a priest): when a role follows the name, that is the role.
RANK_TITLES = words("""
    abbé adjudant amiral capitaine caporal cardinal colonel commandant docteur frère
    général imam lieutenant lieutenant-colonel maître major maréchal pasteur père
    professeur rabbin sergent
""")
# Nouns that only refer back to someone met («l'intéressé», «le premier concerné», «la
# jeune femme», «le sexagénaire»): they name no function, so they never give or replace a
# role.
ANAPHORIC_ROLES = """
    intéressé concerné homme/femme trentenaire quadragénaire quinquagénaire sexagénaire
    septuagénaire octogénaire nonagénaire quadra quinqua
"""
ROLE_NOUNS = " ".join(
    (
        GENERAL_ROLES,
        POLITICS_ROLES,
        JUSTICE_ROLES,
        SECURITY_ROLES,
        HEALTH_ROLES,
        SPORT_ROLES,
        ECONOMY_ROLES,
        CULTURE_ROLES,
        EDUCATION_ROLES,
        SCIENCE_ROLES,
        RELIGION_ROLES,
        SOCIETY_ROLES,
        FAMILY_ROLES,
        ANAPHORIC_ROLES,
    )
)
# Role nouns of several words, one a line, the first word's feminine as in ROLE_NOUNS.
COMPOUND_ROLE_NOUNS = """
    demi de mêlée
    demi d’ouverture
    troisième ligne
    deuxième ligne
    première ligne
    trois-quarts centre
    milieu de terrain
    metteur/metteuse en scène
    chef/cheffe d’orchestre
    chef/cheffe d’entreprise
    chef/cheffe d’état-major
    chef/cheffe de file
    chef/cheffe de projet
    chef/cheffe de chantier
    chef/cheffe de cabinet
    chef/cheffe de service
    chef/cheffe de l’état
    chargé de mission
    chargé de communication
    chargé de recherche
    directeur/directrice de recherche
    garde des sceaux
    partie civile
    parties civiles
    homme/femme d’affaires
    homme/femme politique
    sage-femme/
    juge d’instruction
    juge des enfants
    officier/officière de police judiciaire
    commissaire d’exposition
    commissaire de l’exposition
    délégué syndical
    porte-drapeau
    tête de liste
    mis/mise en examen
    mis/mise en cause
    cadre de santé
    lanceur d’alerte
    médecin/ légiste
    médecin/ urgentiste
    gardien de but
    gardien/gardienne de la paix
    sapeur-pompier/
    aide à domicile
    auxiliaire de vie
    agent/agente de sécurité
    agent/agente d’entretien
    conseiller/conseillère principal d’éducation
"""
# Endings of nouns of trades and functions, for a role set after a name that is not in
# the list («Jean Dupont, volcanologue au CNRS», «…, céréalier à Niort»).
ROLE_NOUN_ENDINGS = (
    "logue",
    "iste",
    "ier",
    "ière",
    "eur",
    "euse",
    "trice",
    "ienne",
    "graphe",
    "naute",
    "ant",
    "ante",
)
# Organisation nouns: who speaks as a body («le ministère des Armées», «le parquet»).
ORGANISATION_NOUNS = words("""
    ministère gouvernement parquet préfecture mairie municipalité syndicat parti armée
    police gendarmerie présidence commission conseil tribunal cour entreprise groupe
    société firme fédération confédération association ong état-major agence organisation
    institut fondation ambassade chancellerie département région collectivité justice
    club équipe direction opposition majorité exécutif patronat intersyndicale collectif
    coalition alliance autorités services secours hôpital université compagnie constructeur
    opérateur fabricant laboratoire banque assureur diocèse administration cabinet rectorat
    académie junte régime milice office observatoire agence ligue comité assemblée sénat
    mouvement pays capitale ville commune famille défense procureur-général service guide
    gestionnaire transporteur fournisseur hébergeur diffuseur bailleur
""")
# Texts that can be quoted: what they say is a «document» quote.
DOCUMENT_NOUNS = words("""
    communiqué rapport décret arrêté arrêt jugement décision ordonnance délibéré
    délibération traité accord lettre courrier courriel mail e-mail message texte document
    note circulaire résolution motion amendement article loi projet-de-loi programme tract
    pétition tribune plainte réquisitoire réquisitions procès-verbal compte-rendu avis étude
    sondage statuts contrat convention charte manifeste sms tweet post publication
    déclaration-commune notification verdict constitution règlement directive mémo
    courriers lettres messages textes documents éditorial édito bulletin édition
""")
# Texts agreed between several parties: no one signatory issues them.
AGREEMENT_NOUNS = words("""
    accord traité convention contrat pacte charte déclaration-commune
""")
# Nouns after which guillemets give a name, not words: titles, plans, affairs, terms.
# Words of rank or novelty before a title noun («son premier roman», «son nouvel album»).
RANK_ADJECTIVES = words("""
    premier première dernier dernière nouvel nouveau nouvelle prochain prochaine tout
    second seconde ultime
""")
# Title nouns of places: their names are short («le café «Chez Paulette»»); a sentence
# after «un café de Belleville,» is someone's words.
PLACE_TITLE_NOUNS = words("""
    restaurant bar café hôtel salle théâtre cinéma quartier cité rue place avenue boulevard
    résidence immeuble enseigne
""")
TITLE_NOUNS = words("""
    film long-métrage court-métrage documentaire téléfilm livre roman ouvrage essai recueil
    album chanson single tube morceau série feuilleton saga pièce spectacle opéra ballet
    exposition expo festival émission magazine journal quotidien hebdomadaire mensuel revue
    site blog podcast chaîne jeu application appli logiciel plateforme marque label slogan
    devise hashtag mot-dièse surnom pseudonyme pseudo opération plan affaire dossier
    dispositif loi réforme projet mission programme campagne collectif liste bande navire
    bateau paquebot frégate sous-marin missile avion fusée satellite produit modèle
    restaurant bar café hôtel salle théâtre cinéma quartier cité rue place avenue boulevard
    résidence immeuble éditions prix trophée concours tournoi rubrique chronique chapitre
    tome épisode saison volet thème concept notion terme mot expression formule qualificatif
    étiquette catégorie statut sigle acronyme code doctrine stratégie pacte groupe vaccin
    titre tableau œuvre oeuvre bd manga fresque poème réseau mouvement opus association
    parti enseigne société start-up entreprise commission tribunal loi-cadre hashtag
    collection marque spectacle filière label programme émission cellule unité brigade
    banderole pancarte panneau affiche tag graffiti inscription t-shirt tee-shirt badge
    bataillon commando escadron quartier-général base camp village hameau station
""")
# Places, bodies and words that make a capitalised phrase an organisation, not a person.
ORGANISATION_WORDS = words("""
    france international internationale watch group groupe bank banque airlines nations
    unies unis union européenne européen conseil cour parti front rassemblement ligue
    fédération confédération syndicat association fondation institut observatoire agence
    office autorité comité commission assemblée sénat ministère préfecture mairie parquet
    tribunal police gendarmerie armée forces croix-rouge médecins reporters greenpeace
    oxfam kremlin elysée élysée matignon pentagone maison-blanche beauvau bercy quai
    etats-unis états-unis royaume-uni corée russie chine ukraine israël iran inde japon
    allemagne italie espagne europe afrique amérique asie onu otan ue fmi oms unesco unicef
    cgt cfdt fo medef fnsea sncf ratp edf engie renault total insee inserm cnrs
    républicains renaissance socialiste insoumise national nationale
    paris lyon marseille lille toulouse nice nantes strasbourg montpellier bordeaux rennes
    reims toulon grenoble dijon angers nîmes villeurbanne clermont-ferrand limoges tours
    amiens metz besançon perpignan orléans rouen mulhouse caen nancy roubaix tourcoing
    calais dunkerque brest lorient ajaccio bastia pau bayonne avignon poitiers versailles
    saint-denis créteil nanterre bobigny cergy évry londres berlin madrid rome bruxelles
    genève moscou kyiv kiev washington pékin tokyo téhéran jérusalem gaza beyrouth damas
    bagdad kaboul alger tunis rabat dakar abidjan bamako new-york york
    energies télécom telecom motors university université hôpital club olympique
    football racing stade conseil-général région département métropole ville
""")
# Nouns of streets and squares: the capitalised words right after them name a place («rue
# Mercière», «place Bellecour»).
STREET_NOUNS = words("""
    rue avenue boulevard bd place quai allée impasse chemin route cours square esplanade
    passage faubourg ruelle parvis
""")
PRONOUNS = {
    "il": ("m", False),
    "elle": ("f", False),
    "ils": ("m", True),
    "elles": ("f", True),
    "celui-ci": ("m", False),
    "celle-ci": ("f", False),
    "lui": ("m", False),
    "eux": ("m", True),
    "on": (None, False),
}
# Pronouns that can be the subject of a clause («Quatre ans plus tard, elle…»).
SUBJECT_PRONOUNS = words("""
    il elle ils elles
""")
# Past participles not ending in -é that open an apposition («Le collectif, né en 2022,»).
APPOSED_PARTICIPLES = words("""
    né née nés nées élu élue élus élues issu issue issus issues réuni réunie réunis réunies
    venu venue venus venues connu connue connus connues parti partie partis parties
""")
# Words that introduce a source: «selon X», «pour X», «d'après X».
SOURCE_WORDS = words("selon pour d'après d’après")
# Phrases that give someone's view through a possessive, as «selon lui» does: «À ses yeux,
# «…»», «De leur point de vue, «…»»; True when the possessive is plural. A capital «À» is
# often written «A».
VIEW_PHRASES = {
    "à ses yeux": False,
    "à son avis": False,
    "à son sens": False,
    "de son point de vue": False,
    "à leurs yeux": True,
    "à leur avis": True,
    "à leur sens": True,
    "de leur point de vue": True,
}

# Adjectives that may follow a role noun («ministre américain», «porte-parole adjoint»).
ROLE_ADJECTIVES = words("""
    russe belge suisse grec grecque turc turque tchèque slovaque serbe croate arabe kurde
    basque corse slovène danoise danois suédois norvégien finlandais islandais letton
    estonien lituanien polonais hongrois roumain bulgare moldave géorgien arménien
    azerbaïdjanais kazakh ouzbek afghan pakistanais iranien irakien syrien libanais
    israélien palestinien jordanien saoudien émirati qatari yéménite égyptien libyen
    tunisien algérien marocain malien nigérien tchadien sénégalais ivoirien congolais
    rwandais kényan éthiopien somalien soudanais sud-africain nigérian ghanéen camerounais
    américain canadien mexicain brésilien argentin chilien colombien vénézuélien cubain
    péruvien chinois japonais coréen nord-coréen sud-coréen indien vietnamien thaïlandais
    indonésien philippin australien britannique anglais écossais irlandais gallois français
    allemand italien espagnol portugais néerlandais autrichien ukrainien biélorusse
    européen européenne onusien onusienne adjoint adjointe délégué déléguée général
    générale chargé chargée principal principale sortant sortante intérimaire honoraire
    démissionnaire proche proches anonyme anonymes informé informée voisin voisine voisins
    actuel actuelle désigné désignée élu élue national nationale régional
    régionale départemental départementale municipal municipale fédéral fédérale
    socialiste écologiste insoumis insoumise communiste républicain républicaine
    centriste macroniste lepéniste libéral libérale conservateur conservatrice
    travailliste démocrate gaulliste souverainiste nationaliste indépendantiste
    séparatiste islamiste djihadiste jihadiste rebelle loyaliste populiste
    sortant russes belges suisses arabes kurdes français américains allemands
    britanniques ukrainiens européens italiens espagnols chinois japonais israéliens
    palestiniens iraniens syriens libanais algériens marocains tunisiens africains
    adjoints délégués généraux chargés
    principaux sortants démissionnaires actuels nationaux régionaux fédéraux exécutif
    exécutive permanent permanente spécial spéciale exécutifs opérationnel technique
    scientifique juridique financier financière politique militaire diplomatique
    économique sportif sportive artistique médical médicale judiciaire
    aîné aînée cadet cadette benjamin benjamine retraité retraitée
    civil civile civils civiles public publique privé privée libre gauche gauches droit
    droite droits droites étranger étrangère étrangers étrangères intérieur intérieure
    extérieur extérieure supérieur supérieure féminin féminine masculin masculine étoilé
    étoilée primé primée titulaire titulaires divers
""")
# Endings of adjectives that may follow a role noun when they are not in the list.
ROLE_ADJECTIVE_ENDINGS = (
    "anne",
    "annes",
    "ier",
    "ière",
    "iers",
    "ières",
    "ain",
    "aine",
    "ains",
    "aines",
    "ais",
    "aise",
    "aises",
    "ien",
    "iens",
    "ienne",
    "iennes",
    "ois",
    "oise",
    "oises",
    "ique",
    "iques",
    "iste",
    "istes",
    "al",
    "ale",
    "aux",
    "ales",
    "el",
    "elle",
    "els",
    "elles",
    "aire",
    "aires",
    "if",
    "ive",
    "ifs",
    "ives",
    "éen",
    "éenne",
    "éens",
    "éennes",
)
# Endings of the plural names of a place's people («les Lensois», «les Nantaises»).
DEMONYM_ENDINGS = (
    "ois",
    "oises",
    "ais",
    "aises",
    "ains",
    "aines",
    "iens",
    "iennes",
    "éens",
    "éennes",
    "ons",
    "onnes",
)
# Lowercase words that are never part of a role, a name or an organisation's name.
FUNCTION_WORDS = words("""
    le la les l' l’ un une des du de d' d’ au aux à et ou mais donc or ni car que qu' qu’
    qui quoi dont où ce cet cette ces c' c’ son sa ses leur leurs mon ma mes notre nos
    votre vos il elle ils elles on je j' j’ tu nous vous se s' s’ en y ne n' n’ pas plus
    selon pour par sur dans avec sans sous chez entre vers contre depuis pendant avant
    après lors dès comme si quand lorsque lorsqu' lorsqu’ puisque alors ainsi aussi encore
    déjà toutefois cependant pourtant néanmoins enfin ensuite puis outre face quant malgré
    grâce cela ceci ça tout tous toute toutes chaque certains certaines plusieurs quelque
    quelques aucun aucune voici voilà oui non mais jamais désormais toujours parfois
    souvent très trop peu beaucoup moins même mêmes autre autres tel telle tels telles
    déjà là ici ailleurs notamment surtout seulement également aussi bien mal afin avoir
    être est sont était ont a avait fait faut
""")
# Capitalised words that join the parts of a person's name («Charles de Gaulle»).
NAME_PARTICLES = words("""
    de du des d' d’ von van der den ter ten da di dos do del della le la ben bin ibn bint
    al el abou abu ould y zu mac mc st saint sainte
""")
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = words("""
    m mm mme mlle dr pr me st ste av apr j.-c etc cf p pp vol no n° art al env min max
    gén col cdt lt sgt mgr
""")

# Given names and their gender (the first part of a compound name decides:
# «Jean-Marie» is a man, «Marie-Claire» a woman).
MASCULINE_NAMES = words("""
    jean pierre paul jacques michel philippe alain bernard patrick christophe nicolas
    françois francois éric eric daniel thierry stéphane stephane laurent frédéric olivier
    sébastien david pascal julien christian gérard gerard bruno marc vincent
    thomas antoine alexandre emmanuel guillaume mathieu matthieu jérôme jerome didier
    yves gilles denis serge hervé herve louis henri georges rené andré andre
    raymond robert roger marcel lucien maurice édouard edouard arnaud benoît benoit
    benjamin maxime romain hugo lucas léo leo gabriel raphaël arthur jules adam mohamed
    mohammed ahmed ali karim rachid mehdi youssef omar hassan samir yannick cédric cedric
    fabien fabrice franck frank gaël gael grégoire gregoire hugues joël joel josé jose
    kevin kévin lionel loïc loic ludovic manuel marcel martin mickaël michael olivier
    patrice quentin rémi remi sylvain tristan valentin victor xavier yann william
    joe joseph donald barack george bill john james robert lloyd antony anthony mike
    vladimir volodymyr dmitri dmitry sergueï sergei sergey alexeï alexei igor
    boris viktor recep benyamin benjamin xi kim narendra olaf friedrich keir rishi
    justin pedro mark mario matteo luigi carlos juan javier miguel diego
    josep jordan gabriel édouard bruno gérald gerald sébastien elon jeff tim sundar
    marco ron jd j.d. ned matthew andrew stephen steven peter charles harry
    william richard donald ted chuck bernie pete ramzan iouri yuri evgueni
    evgeny sviatoslav oleksandr andriy andrii denys petro mykhaïlo mykhailo ihor
    hamid abdel abdelaziz abdelmadjid kaïs kais mahmoud ismaïl ismail yahya
    bachar bashar hassan hossein ebrahim masoud abbas hakan fidan emmanuel
    jean-luc jean-marie jean-pierre jean-paul jean-claude jean-michel jean-françois
    jean-yves jean-louis jean-noël jean-baptiste jean-jacques pierre-yves marc-antoine
    raphael gauthier gautier aurélien aurelien damien florian adrien baptiste clément
    clement corentin dylan enzo étienne etienne félix felix florent jordan kylian
    kylian mathis nathan noah paul-henri rayan sacha samuel simon théo theo tom
    ugo valentin yanis yoann zinedine didier luis neymar lionel cristiano karim
    antoine olivier ousmane kingsley wissam anthony
""")
FEMININE_NAMES = words("""
    marie anne catherine christine nathalie isabelle sylvie françoise francoise martine
    monique nicole valérie valerie sandrine véronique veronique sophie céline celine
    stéphanie stephanie laurence patricia brigitte chantal claire julie aurélie aurelie
    émilie emilie caroline audrey élodie elodie laura léa lea manon chloé chloe
    emma inès ines jade louise alice lina rose anna juliette mathilde pauline marion
    charlotte lucie agnès agnes annie béatrice beatrice cécile cecile corinne delphine
    elisabeth élisabeth elise élise florence hélène helene jacqueline
    jeanne josiane karine laetitia léna lena lucile madeleine marine marion mélanie
    melanie muriel myriam nadia nadine noémie noemie océane oceane pascale rachida
    sabine sarah ségolène segolene simone solène solene suzanne virginie yasmina yasmine
    yaël yael zoé zoe fatima aïcha aicha amina leila leïla samia karima najat rima
    kamala hillary nancy ursula angela giorgia theresa liz margaret hillary jill
    melania michelle joan elizabeth mary linda barbara susan jennifer lisa sarah
    karin annalena kaja roberta 
    olena yulia ioulia maria svetlana natalia tatiana elena irina olga
    anne-marie marie-france marie-claire marie-christine marie-hélène
    marie-pierre marie-laure marie-noëlle anne-sophie anne-laure anne-claire
    clémentine clementine constance eléonore eleonore héloïse heloise margaux maëlle
    maelle mélissa melissa morgane ophélie ophelie romane salomé salome victoire
    amélie amelie aude axelle bérénice berenice capucine diane emmanuelle gabrielle
    géraldine geraldine ingrid joëlle joelle laure ludivine marianne nathalie odile
    raphaëlle raphaelle sonia stella tiphaine yolande yvonne aya rokhaya aminata
    fatou mariam coline carla clara elsa eva iris jeanne lola mia nina zélie
""")


# Reading sentences -------------------------------------------------------------------------

# Pronouns that stand between a subject and its verb («X l'a répété»).
CLITICS = words("""
    en la le les leur lui l’ ne nous n’ se s’ y
""")

# Words after which a verb shares the subject before («et a ajouté», «avant d'ajouter»).
COORDINATION = words("""
    après avant en et pour puis sans tout
""")

# Small words between two coordinated quotations («au «calme» et au «dialogue»»).
COORDINATED_WORDS = words("""
    à au aux de des du d’ la le les l’ un une
""")

# Words that open what is said, not who says it («a déclaré que…»).
OBJECT_CLAUSE = words("""
    combien comment pourquoi que qu’ si
""")

# Where a message is posted: «sur X», «sur son compte Instagram».
NETWORKS = words("""
    bluesky compte facebook instagram linkedin réseaux telegram threads tiktok truth twitter x
    youtube
""")

# Stems of the verbs that say who issued a text («lancée par X», «X a signé un arrêté»).
ISSUING_STEMS = (
    "adress",
    "cosign",
    "dépos",
    "diffus",
    "écri",
    "émi",
    "émet",
    "envoi",
    "envoy",
    "lanc",
    "publi",
    "rédig",
    "sign",
)

# Nouns that name any text: «le texte», «le document» is the latest text issued, whatever
# it was called («La préfète a signé un arrêté. Le texte interdit…»).
GENERIC_TEXTS = words("texte document")

# General role nouns and the roles they may refer back to, one family a line: «le joueur»
# after «son attaquant, X» is X, not the coach who spoke last.
ROLE_FAMILIES = """
    joueur: attaquant défenseur milieu gardien ailier arrière pilier ouvreur talonneur
        buteur capitaine avant-centre latéral libéro pivot passeur meneur demi centre
        footballeur rugbyman handballeur basketteur
    élu: maire adjoint député sénateur conseiller édile bourgmestre eurodéputé
    magistrat: juge procureur substitut avocat-général
    médecin: urgentiste chirurgien psychiatre pédiatre généraliste anesthésiste
        cardiologue gériatre infectiologue épidémiologiste
    technicien: entraîneur sélectionneur coach manager
    policier: commissaire brigadier enquêteur
    artiste: chanteur rappeur comédien acteur musicien peintre sculpteur danseur
        chorégraphe cinéaste réalisateur metteur
    soignant: infirmier aide-soignant médecin urgentiste sage-femme brancardier
    journaliste: critique éditorialiste chroniqueur reporter rédacteur correspondant
        présentateur animateur
"""

# Ways of naming someone by their seat or standing, which only refer back to them and
# never replace their role («a assuré le chef de l'Etat», «le locataire de Matignon»).
PERIPHRASES = (
    "chef de l’Etat|chef de l’État|locataire de Matignon|locataire de l’Elysée"
    "|locataire de l’Élysée|locataire de Beauvau|locataire de Bercy|hôte de l’Elysée"
    "|patron de la diplomatie|cheffe de la diplomatie|chef de la diplomatie"
    "|chef du gouvernement|cheffe du gouvernement|numéro un|numéro deux"
)

# Nouns for words said, whose owner follows «par» or «de»: ««…» Les mots sont de X», «C'est
# le cri d'alarme lancé par X».
SPEECH_NOUNS = words("""
    mot mots phrase phrases propos parole paroles cri constat formule aveu confidence
    confidences avertissement plaidoyer confession témoignage
""")

# Role nouns that name who wrote a text met before: «l'auteur du courriel, Jean Dupont».
AUTHOR_NOUNS = words("auteur")
# Words between a participle of issuing and the name of who issued: «signé par X», «signé
# du maire».
AUTHOR_LINKS = words("par de d’ du des")

# Words that make a message spoken, not written: «dans son message vidéo», «une allocution
# télévisée», «un message vocal».
SPOKEN_FORMS = words("""
    vidéo audio vocal vocaux télévisé télévisée télévisés radiodiffusé radiodiffusée
    enregistré enregistrée filmé filmée
""")

# Prepositions before a text the words come from («dans un communiqué»).
DOCUMENT_INTRODUCERS = words("""
    dans d’après par selon via
""")

# Speech verbs that bring in someone else («a répondu le maire»).
REPLY_VERBS = words("""
    contester contredire démentir nier objecter riposter réagir réfuter répliquer répondre
    rétorquer
""")

# What may follow an inverted verb with no subject («…», s'est exclamée la foule).
AFTER_INVERSION = words("""
    alors au aussitôt aux dans des devant dimanche en encore hier jeudi la le les lors lundi l’
    mardi mercredi samedi sur un une vendredi à
""")

# Prepositions that complete a role or a body («ministre de…», «adjoint à…»).
COMPLEMENT_PREPOSITIONS = words("""
    au auprès aux de des du d’ en pour à
""")

# Nouns of a shift or a rota after «de» with no article («aide-soignant de nuit»): part
# of a role, though «nuit» is a time word elsewhere.
SHIFT_NOUNS = words("""
    garde jour nuit permanence astreinte
""")

# Words between the article and the noun of a complement («du même collège»).
COMPLEMENT_QUALIFIERS = words("""
    même mêmes seul seule petit petite
""")

# Ranks written in words («du premier étage»); «deuxième», «3e» are read by their ending.
ORDINALS = words("""
    premier première dernier dernière
""")

# Prepositions of a workplace after a trade set after a name («soudeur sur le chantier»).
WORKPLACE_PREPOSITIONS = words("""
    chez dans sur
""")

# Articles inside a complement («de la Défense»).
INNER_ARTICLES = words("""
    la le les l’ un une
""")

# Nouns before a medium's name in guillemets («le quotidien «Haaretz»»).
MEDIA_NOUNS = words("""
    agence chaîne hebdomadaire journal magazine mensuel média quotidien radio revue site
    télévision webzine
""")

# The usual French and world media, folded (no accents, no hyphens, no article): they
# report what others say.
MEDIA_NAMES = frozenset(
    line.strip()
    for line in """
    afp
    reuters
    associated press
    monde
    figaro
    liberation
    parisien
    equipe
    echos
    croix
    humanite
    mediapart
    express
    obs
    point
    ouest france
    sud ouest
    voix du nord
    progres
    depeche du midi
    telegramme
    nice matin
    provence
    journal du dimanche
    jdd
    canard enchaine
    france inter
    franceinfo
    france info
    france televisions
    bfmtv
    tf1
    france 2
    france 3
    rtl
    europe 1
    rmc
    lci
    cnews
    new york times
    washington post
    guardian
    bbc
    cnn
    """.strip().splitlines()
)

# Nouns of quantity before a group of people («une vingtaine d'économistes»).
QUANTITY_NOUNS = words("""
    centaine centaines cinquantaine collectif cortège dizaine dizaines douzaine foule groupe
    majorité millier milliers nombre partie plupart poignée quarantaine trentaine vingtaine
""")

# Numbers inside a role («mère de trois enfants»).
NUMBER_WORDS = words("""
    cent cinq deux dix douze huit mille neuf onze plusieurs quatre quinze sept six trente trois
    vingt
""")

# Determiners of a role in apposition («Jean Dupont, le maire,»).
# Determiners that point back: «cette économiste», «ce chercheur» is someone met.
DEMONSTRATIVES = words("ce cet cette")
SUBJECT_DETERMINERS = words("""
    la le l’ un une
""")

# What may follow a capitalised word opening a sentence that speaks («Moscou a…»).
AUXILIARY_AFTER_NAME = words("""
    , a aura avaient avait est ont sont était
""")

# Determiners of a title noun in apposition after guillemets («X», le film de…), not «au».
APPOSITION_DETERMINERS = words("""
    la le les l' l’ un une son sa ses leur leurs ce cet cette
""")

# Words between a title noun and the title («le dernier film de X, «…»»).
TITLE_GAP_WORDS = words("""
    ( ) , : au aux baptisé baptisée ce ces cet cette de dernier dernière des du d’ fameuse
    fameux intitulé intitulée l' la le les l’ nommé nommée nouveau nouvelle premier première un
    une
""")

# Verbs whose object's noun is judged in guillemets («a qualifié le projet de «…»»).
QUALIFYING_VERBS = words("""
    accuser estimer juger parler qualifier traiter
""")

# Verbs that name a term rather than say words («parlent d'une «cyclogenèse explosive»»).
TERM_VERBS = words("""
    parler
""")

# Words that weave the next words into the sentence («que «…»», «de «…»»).
GOVERNING_WORDS = words("""
    au aux avec ce ces cet cette comme c’est dans de des du d’ en est l' la le les leur leurs l’
    ma mes mon nos notre par pour que qu’ sa sans ses son sont sur un une vos votre à était été
    être
""")

# First words of a statement, not of a fragment («Je», «Nous», «C'est»).
CLAUSE_STARTERS = words("""
    ce cela c’est elle elles il ils je j’ non nous on oui pas quand si tu vous ça
""")

# Common verb forms: words that make a sentence, not a title.
VERB_WORDS = words("""
    a ai avait avons doit est fait faut n’a n’est ont peut sera sommes sont suis va veulent veut
    vont était
""")

# Prepositions before a medium's name («au «Monde»», «selon «Le Parisien»»).
MEDIUM_PREPOSITIONS = words("""
    au aux dans de du d’ par selon sur à
""")

# Bodies a generic noun may stand for once named: «le club» for «le PSG».
GENERIC_BODIES = words("""
    association club collectif compagnie constructeur direction entreprise firme formation
    fédération
    groupe institut mouvement ong opérateur organisation parti société syndicat équipe
""")
# Nouns that describe a company before its name: described further, the name alone is
# what it is called («le fabricant de radiateurs Lemaire & Fils» is Lemaire & Fils, «le
# groupe Valdis» keeps its noun).
COMPANY_NOUNS = words("""
    groupe entreprise société firme fabricant constructeur opérateur compagnie
""")
# Nouns that say what a body does, never its name: with a complement too, they stand for
# a body named before («Enedis annonce… «…», prévient le gestionnaire du réseau»).
FUNCTION_BODIES = words("""
    gestionnaire transporteur fournisseur hébergeur diffuseur bailleur
""")

# Small words left out when comparing two roles.
ROLE_STOP_WORDS = words("""
    a au aux d de des du en et l la le les
""")

# What follows «il» when it stands for no one («il faut», «il y a», «il s'agit»).
IMPERSONAL_AFTER = words("""
    faut fallait faudra y s’agit s'agit semble semblait paraît est était sera reste suffit
    manque existe convient importe arrive pleut
""")
