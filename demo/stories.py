"""The other articles of the demo dossier: short texts written for the demo, not Libération's.

Their authors are invented journalists; no words are put in a real person's mouth.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from demo import DRAFT_SLUG, SCHEDULED_AT, SCHEDULED_SLUG

PARIS = ZoneInfo("Europe/Paris")

JOURNALISTS = {
    "camille-berthier": "Camille Berthier",
    "thomas-lemaire": "Thomas Lemaire",
    "ines-carpentier": "Inès Carpentier",
    "marc-delorme": "Marc Delorme",
}


def p(text: str) -> dict:
    return {"type": "paragraph", "html": text}


def h(text: str) -> dict:
    return {"type": "intertitle", "text": text}


@dataclass(frozen=True)
class Story:
    slug: str
    section: str
    kicker: str
    headline: str
    standfirst: str
    body: list[dict]
    authors: tuple[str, ...]
    tags: tuple[str, ...] = ()
    published_at: dt.datetime | None = None  # None: a draft; in the future: scheduled


PUBLISHED = (
    Story(
        slug="deux-ans-de-guerre-a-kyiv-l-usure-et-la-determination",
        section="europe",
        kicker="Anniversaire",
        headline="Deux ans de guerre en Ukraine\u00a0: à Kyiv, l’usure et la détermination",
        standfirst="Deux ans après le début de l’invasion russe, le 24\u00a0février 2022, la "
        "capitale ukrainienne vit toujours au rythme des alertes aériennes. Ses habitants "
        "disent leur fatigue, mais aussi leur refus de céder.",
        body=[
            p(
                "Dans le métro de Kyiv, les habitués reconnaissent le son des applications "
                "d’alerte avant même que les sirènes ne retentissent. Deux ans après le début de "
                "l’invasion à grande échelle, la ville s’est organisée autour de la menace : "
                "générateurs dans les commerces, abris signalés à chaque coin de rue, écoles "
                "qui font classe en sous-sol."
            ),
            p(
                "Plusieurs dirigeants occidentaux ont fait le déplacement samedi pour marquer "
                "l’anniversaire et redire leur soutien. Sur le front, l’armée ukrainienne manque "
                "pourtant de munitions, et le retrait d’Avdiïvka, mi-février, a rappelé combien "
                "la situation reste fragile."
            ),
            h("«Tenir», le mot de l’année"),
            p(
                "Les sondages montrent une société éprouvée mais toujours opposée à toute "
                "concession territoriale. Dans les familles, chacun compte un proche mobilisé, "
                "blessé ou disparu, et la question de la rotation des soldats épuisés alimente "
                "un débat de plus en plus vif."
            ),
        ],
        authors=("camille-berthier",),
        tags=("kyiv", "guerre-en-ukraine"),
        published_at=dt.datetime(2024, 2, 24, 7, 30, tzinfo=PARIS),
    ),
    Story(
        slug="offensive-russe-dans-la-region-de-kharkiv",
        section="europe",
        kicker="Front",
        headline="Offensive russe dans la région de Kharkiv\u00a0: l’armée ukrainienne sous "
        "pression",
        standfirst="Les forces russes ont franchi la frontière au nord de Kharkiv vendredi "
        "10\u00a0mai. Kyiv envoie des renforts et évacue les localités les plus exposées, "
        "dont Vovtchansk.",
        body=[
            p(
                "L’attaque a commencé à l’aube par des bombardements intenses sur les villages "
                "frontaliers, suivis d’incursions de petites unités d’infanterie. L’état-major "
                "ukrainien affirme avoir contenu la progression, tout en reconnaissant des "
                "combats «difficiles» sur plusieurs axes."
            ),
            p(
                "Des centaines d’habitants ont été évacués en bus vers Kharkiv, deuxième ville du "
                "pays, elle-même visée presque chaque jour par des frappes. Les volontaires "
                "décrivent des personnes âgées qui refusent de partir et des routes sous le feu "
                "des drones."
            ),
            p(
                "Pour les analystes militaires, Moscou cherche à étirer les défenses "
                "ukrainiennes avant l’arrivée de l’aide américaine votée fin avril par le "
                "Congrès, dont les premières livraisons commencent à peine."
            ),
        ],
        authors=("thomas-lemaire", "ines-carpentier"),
        tags=("guerre-en-ukraine",),
        published_at=dt.datetime(2024, 5, 11, 10, 15, tzinfo=PARIS),
    ),
    Story(
        slug="a-pyongyang-poutine-et-kim-signent-un-traite-de-defense-mutuelle",
        section="international",
        kicker="Diplomatie",
        headline="A Pyongyang, Vladimir Poutine et Kim Jong-un signent un traité de défense "
        "mutuelle",
        standfirst="Pour sa première visite en Corée du Nord depuis vingt-quatre ans, le "
        "président russe a conclu avec Kim Jong-un un «partenariat stratégique global» qui "
        "inquiète Séoul, Tokyo et Washington.",
        body=[
            p(
                "Tapis rouge, portraits géants et foule agitant des fleurs : Pyongyang a réservé "
                "un accueil spectaculaire à Vladimir Poutine, arrivé dans la nuit de mardi à "
                "mercredi. La visite, préparée depuis des mois, scelle un rapprochement accéléré "
                "par la guerre en Ukraine."
            ),
            p(
                "Le traité signé mercredi prévoit une assistance militaire réciproque si l’un des "
                "deux pays est attaqué. Les capitales occidentales soupçonnent déjà la Corée du "
                "Nord de fournir des obus et des missiles à la Russie, ce que les deux régimes "
                "démentent."
            ),
            p(
                "A Séoul, le gouvernement a convoqué un conseil de sécurité et dit étudier "
                "toutes les options, y compris une révision de sa politique de non-livraison "
                "d’armes létales à l’Ukraine."
            ),
        ],
        authors=("marc-delorme",),
        tags=("pyongyang", "vladimir-poutine", "kim-jong-un", "coree-du-nord"),
        published_at=dt.datetime(2024, 6, 19, 18, 40, tzinfo=PARIS),
    ),
    Story(
        slug="dans-la-region-de-koursk-une-incursion-ukrainienne-inedite",
        section="europe",
        kicker="Guerre en Ukraine",
        headline="Dans la région de Koursk, l’armée ukrainienne mène une incursion inédite en "
        "territoire russe",
        standfirst="Depuis mardi 6\u00a0août, des unités ukrainiennes ont pénétré de plusieurs "
        "kilomètres dans la région russe de Koursk. Moscou a décrété l’état d’urgence et "
        "évacue des milliers d’habitants.",
        body=[
            p(
                "C’est la plus importante opération terrestre menée par l’Ukraine sur le sol "
                "russe depuis le début de la guerre. Des colonnes de blindés ont franchi la "
                "frontière près de la ville de Soudja, prenant de court les gardes-frontières."
            ),
            p(
                "Le Kremlin parle d’une provocation et promet une riposte. Kyiv, de son côté, "
                "reste très discret sur les objectifs de l’opération, que les observateurs "
                "interprètent comme une tentative de forcer Moscou à dégarnir d’autres secteurs "
                "du front."
            ),
            h("Une centrale sous surveillance"),
            p(
                "La proximité de la centrale nucléaire de Koursk, à quelques dizaines de "
                "kilomètres, inquiète l’Agence internationale de l’énergie atomique, qui appelle "
                "les deux camps à la plus grande retenue."
            ),
        ],
        authors=("thomas-lemaire",),
        tags=("koursk", "kyiv", "guerre-en-ukraine"),
        published_at=dt.datetime(2024, 8, 8, 6, 55, tzinfo=PARIS),
    ),
    Story(
        slug="des-soldats-nord-coreens-envoyes-en-russie-selon-seoul",
        section="international",
        kicker="Renseignement",
        headline="Des soldats nord-coréens envoyés en Russie, selon le renseignement sud-coréen",
        standfirst="Le service national de renseignement de Corée du Sud affirme que "
        "Pyongyang a commencé à transférer des forces spéciales vers la Russie, une première "
        "dans ce conflit.",
        body=[
            p(
                "Selon Séoul, un premier contingent a été acheminé par des navires russes "
                "jusqu’à Vladivostok, avant d’être réparti dans des camps d’entraînement de "
                "l’Extrême-Orient russe. D’autres rotations seraient prévues dans les prochaines "
                "semaines."
            ),
            p(
                "Ni Moscou ni Pyongyang n’ont confirmé ces informations. A Kyiv, le renseignement "
                "militaire dit avoir repéré depuis plusieurs semaines des indices d’une "
                "présence nord-coréenne près de la frontière ukrainienne."
            ),
            p(
                "Si elle se confirme, cette participation directe de troupes étrangères au "
                "conflit marquerait une nouvelle étape, que les alliés de l’Ukraine promettent "
                "de ne pas laisser sans réponse."
            ),
        ],
        authors=("marc-delorme", "camille-berthier"),
        tags=("pyongyang", "coree-du-nord", "guerre-en-ukraine"),
        published_at=dt.datetime(2024, 10, 18, 12, 5, tzinfo=PARIS),
    ),
    Story(
        slug="mille-jours-de-guerre-l-ukraine-frappe-la-russie-avec-des-missiles-americains",
        section="europe",
        kicker="Conflit",
        headline="Mille jours de guerre\u00a0: l’Ukraine frappe la Russie avec des missiles "
        "américains",
        standfirst="Au millième jour de l’invasion, mardi 19\u00a0novembre, Moscou affirme que "
        "des missiles ATACMS ont visé la région de Briansk, quelques jours après le feu vert "
        "de Washington à leur emploi sur le sol russe.",
        body=[
            p(
                "Le ministère russe de la Défense dit avoir intercepté la plupart des missiles, "
                "dont les débris auraient provoqué un incendie sur un site militaire. L’état-major "
                "ukrainien n’a pas commenté l’arme utilisée."
            ),
            p(
                "Le même jour, Vladimir Poutine a signé un décret élargissant les conditions "
                "dans lesquelles la Russie s’autorise à recourir à l’arme nucléaire, un signal "
                "adressé aux Occidentaux qui arment Kyiv."
            ),
            p(
                "Dans les rues de la capitale ukrainienne, ce millième jour a été marqué par des "
                "cérémonies discrètes et une exposition de photographies des soldats tombés "
                "depuis février 2022."
            ),
        ],
        authors=("ines-carpentier",),
        tags=("kyiv", "vladimir-poutine", "guerre-en-ukraine"),
        published_at=dt.datetime(2024, 11, 19, 19, 20, tzinfo=PARIS),
    ),
)

HIDDEN = (
    Story(
        slug=DRAFT_SLUG,
        section="europe",
        kicker="Reportage",
        headline="Sur le front de l’Est, l’hiver de tous les dangers",
        standfirst="Brouillon de démonstration : cet article ne doit apparaître sur aucune "
        "surface publique.",
        body=[p("Reportage en cours d’écriture, à relire avant publication.")],
        authors=("camille-berthier",),
        tags=("guerre-en-ukraine",),
    ),
    Story(
        slug=SCHEDULED_SLUG,
        section="europe",
        kicker="Chronologie",
        headline="Guerre en Ukraine\u00a0: la chronologie complète du conflit",
        standfirst="Article programmé de démonstration : publié pour 2030, il reste invisible "
        "jusque-là.",
        body=[p("Chronologie à paraître : les grandes dates du conflit depuis février 2022.")],
        authors=("thomas-lemaire",),
        tags=("guerre-en-ukraine",),
        published_at=SCHEDULED_AT,
    ),
)
