"""The quote finder reads French journalism: marks, attributions, roles, kinds, non-quotes.

Pure tests: no database, only ``articles.quote_finder`` and the reference article's text.
"""

import html

import pytest

from articles.quote_finder import Known, Suggestion, find_quotes
from demo.reference import read

NBSP, NNBSP = "\u00a0", "\u202f"


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "html": html.escape(text, quote=False)}


def suggest(*paragraphs, known=()) -> list[dict]:
    blocks = [paragraph(text) if isinstance(text, str) else text for text in paragraphs]
    return [suggestion.as_dict() for suggestion in find_quotes(blocks, known)]


def only(*paragraphs, known=()) -> dict:
    found = suggest(*paragraphs, known=known)
    assert len(found) == 1, found
    return found[0]


def quote(text, speaker=None, role="", kind="full", block=0, person=None) -> dict:
    return {
        "text": text,
        "speaker": speaker,
        "person": person,
        "role": role,
        "kind": kind,
        "block": block,
    }


# The interface ------------------------------------------------------------------------------


def test_suggestion_as_dict_lists_its_fields_in_order():
    suggestion = Suggestion("Oui", "Jean Dupont", "jean-dupont", "maire", "full", 2)

    assert list(suggestion.as_dict().items()) == [
        ("text", "Oui"),
        ("speaker", "Jean Dupont"),
        ("person", "jean-dupont"),
        ("role", "maire"),
        ("kind", "full"),
        ("block", 2),
    ]


def test_an_empty_body_has_no_suggestion():
    assert find_quotes([]) == []


def test_non_text_blocks_are_skipped_but_keep_their_index():
    blocks = [
        {"type": "photo", "photo": 3},
        {"type": "quote", "quote": 1},
        paragraph("«Nous ne céderons pas», a déclaré Jean Dupont."),
    ]

    assert [s.block for s in find_quotes(blocks)] == [2]


def test_paragraph_markup_and_entities_are_read_as_plain_text():
    blocks = [
        {
            "type": "paragraph",
            "html": "«Nous <em>ne</em> céderons pas&nbsp;!», a déclaré <b>Jean Dupont</b>.",
        }
    ]

    assert find_quotes(blocks)[0].text == "Nous ne céderons pas\u00a0!"


# The reference article -----------------------------------------------------------------------


def test_reference_article_gives_its_quotes_speakers_roles_and_kinds():
    reference = read()
    spokesman = "porte-parole du département d’Etat américain"

    assert suggest(*reference.blocks) == [
        quote(reference.quote("engagées"), "Etats-Unis", kind="fragment", block=0),
        quote(reference.quote("Je peux confirmer"), "Vedant Patel", spokesman, block=1),
        quote("l’inquiétude", "Vedant Patel", spokesman, kind="fragment", block=1),
        quote(
            reference.quote("retirer"),
            "Lloyd Austin",
            "ministre américain de la Défense",
            kind="fragment",
            block=3,
        ),
        quote(
            reference.quote("forcément"),
            None,
            reference.phrase("ambassadeur américain adjoint à l’ONU"),
            kind="fragment",
            block=3,
        ),
        quote(reference.quote("Nous sommes incroyablement"), "Vedant Patel", spokesman, block=5),
        quote(reference.quote("Le succès de la Russie"), "Vedant Patel", spokesman, block=5),
        quote(
            reference.quote("l’interopérabilité"),
            "Vedant Patel",
            spokesman,
            kind="fragment",
            block=5,
        ),
        quote(reference.quote("une aide militaire"), None, kind="document", block=6),
    ]


def test_reference_intertitle_term_is_not_suggested():
    texts = [s.text for s in find_quotes(read().blocks)]

    assert "Intégration" not in texts


def test_reference_article_matches_a_known_person():
    known = [Known("vedant-patel", "Vedant Patel")]

    people = {s.person for s in find_quotes(read().blocks, known) if s.speaker == "Vedant Patel"}

    assert people == {"vedant-patel"}


# Marks ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "«Nous ne céderons pas», a déclaré Jean Dupont.",
        f"«{NBSP}Nous ne céderons pas{NBSP}», a déclaré Jean Dupont.",
        f"«{NNBSP}Nous ne céderons pas{NNBSP}», a déclaré Jean Dupont.",
        "« Nous ne céderons pas », a déclaré Jean Dupont.",
        "“Nous ne céderons pas”, a déclaré Jean Dupont.",
        '"Nous ne céderons pas", a déclaré Jean Dupont.',
    ],
    ids=["guillemets", "nbsp", "nnbsp", "space", "english", "straight"],
)
def test_each_mark_style_gives_the_words_without_marks_or_inner_spaces(text):
    assert only(text) == quote("Nous ne céderons pas", "Jean Dupont")


def test_nested_quotes_give_the_outer_one_with_the_inner_marks_kept():
    found = only("«Il m’a dit “jamais” et il est parti», raconte Claire Martin.")

    assert found["text"] == "Il m’a dit “jamais” et il est parti"


def test_nested_guillemets_give_the_outer_one():
    found = only("«Il m’a répondu « jamais » sans hésiter», raconte Claire Martin.")

    assert found["text"] == "Il m’a répondu « jamais » sans hésiter"


def test_quote_left_open_goes_on_in_the_paragraph_that_reopens_it():
    found = suggest(
        "«Nous allons continuer le combat, et nous irons jusqu’au bout.",
        "«Nous gagnerons», a conclu Claire Martin.",
    )

    assert found == [
        quote(
            "Nous allons continuer le combat, et nous irons jusqu’au bout.\nNous gagnerons",
            "Claire Martin",
        )
    ]


def test_quote_closed_at_paragraph_end_goes_on_when_the_next_one_reopens():
    found = suggest(
        "Claire Martin, maire de Lille, a pris la parole.",
        "«Nous allons continuer le combat.»",
        "«Et nous gagnerons», a-t-elle conclu.",
    )

    assert found == [
        quote(
            "Nous allons continuer le combat.\nEt nous gagnerons",
            "Claire Martin",
            "maire de Lille",
            block=1,
        )
    ]


def test_continued_quote_may_reopen_with_the_continuation_mark():
    found = only(
        "«Nous devons réformer le pays de fond en comble",
        "» et personne ne nous en empêchera», a lancé Jean Dupont.",
    )

    assert found["text"] == (
        "Nous devons réformer le pays de fond en comble\net personne ne nous en empêchera"
    )


# Attribution ----------------------------------------------------------------------------------


def test_attribution_after_with_inverted_verb():
    assert only("«La situation est grave», estime Jean Dupont.") == quote(
        "La situation est grave", "Jean Dupont"
    )


def test_attribution_after_with_words_between_the_mark_and_the_verb():
    found = only("«Nous sommes prêts» à négocier, a déclaré mardi le ministre Jean Dupont.")

    assert (found["speaker"], found["role"]) == ("Jean Dupont", "ministre")


def test_attribution_after_skips_the_medium_before_the_speaker():
    found = only("«Nous sommes très inquiets», a déclaré à l’AFP Sarah Ali, porte-parole de l’ONG.")

    assert (found["speaker"], found["role"]) == ("Sarah Ali", "porte-parole de l’ONG")


def test_attribution_after_with_a_reflexive_verb():
    assert only("«Ça suffit !» s’est exclamé Jean Dupont.")["speaker"] == "Jean Dupont"


def test_incise_inside_the_quote_is_part_of_its_words():
    found = suggest("Jean Martin est arrivé. «Nous sommes prêts, assure-t-il, à tout.»")

    assert found == [quote("Nous sommes prêts, assure-t-il, à tout.", "Jean Martin")]


def test_incise_with_a_named_speaker():
    found = only("«Nous sommes prêts, estime Jean Martin. Le reste suivra.»")

    assert found == quote("Nous sommes prêts, estime Jean Martin. Le reste suivra.", "Jean Martin")


def test_named_speaker_outside_wins_over_a_pronoun_incise():
    found = only("«Je suis, dit-il, fatigué de ces querelles», lâche Jean Dupont.")

    assert found["speaker"] == "Jean Dupont"


def test_speech_verb_right_after_the_words_makes_them_a_quote_even_without_speaker():
    assert only("«Bravo !», s’est exclamée la foule.") == quote("Bravo !")


def test_coordinated_subjects_give_no_single_speaker():
    found = only("Jean Dupont et Marie Durand ont affirmé : «Nous ne partirons pas.»")

    assert found["speaker"] is None


def test_attribution_before_with_a_colon():
    assert only("Anne Dupuis a affirmé : «Nous ne céderons pas.»") == quote(
        "Nous ne céderons pas.", "Anne Dupuis"
    )


@pytest.mark.parametrize("source", ["Selon", "Pour", "D’après"])
def test_attribution_by_a_source(source):
    found = only(f"{source} Anne Dupuis, «la situation est grave».")

    assert (found["speaker"], found["kind"]) == ("Anne Dupuis", "fragment")


def test_attribution_by_a_name_and_a_colon():
    assert only("Jean Dupont : «Je ne regrette rien.»")["speaker"] == "Jean Dupont"


def test_attribution_before_through_a_governing_verb_is_a_fragment():
    found = only("La CGT a dénoncé «un manque d’anticipation» du gouvernement.")

    assert found == quote("un manque d’anticipation", "CGT", kind="fragment")


def test_appeler_a_governs_a_fragment():
    found = only("Le ministre Jean Dupont a appelé les élus à «faire bloc».")

    assert found == quote("faire bloc", "Jean Dupont", "ministre", kind="fragment")


def test_a_participle_takes_the_speaker_of_the_quote_before():
    found = suggest(
        "«Nous tiendrons», a déclaré Jean Dupont, soulignant «la détermination» du pays."
    )

    assert [(s["text"], s["speaker"]) for s in found] == [
        ("Nous tiendrons", "Jean Dupont"),
        ("la détermination", "Jean Dupont"),
    ]


def test_passive_participle_takes_its_agent_as_speaker():
    found = only("Une position jugée «hypocrite» par Greenpeace.")

    assert found == quote("hypocrite", "Greenpeace", kind="fragment")


def test_qui_takes_the_speaker_it_stands_for():
    found = only("Le projet inquiète Greenpeace, qui dénonce «un écran de fumée».")

    assert found["speaker"] == "Greenpeace"


def test_sentence_starting_with_an_elided_article_is_a_new_sentence():
    found = suggest(
        "Son avocate, Me Claire Dubois, a dénoncé «un dossier vide». L’avocat général a requis"
        " vingt ans, estimant que «la culpabilité ne fait aucun doute».",
    )

    assert [(s["speaker"], s["role"]) for s in found] == [
        ("Claire Dubois", "avocate"),
        (None, "avocat général"),
    ]


def test_subject_in_a_relative_clause_is_not_the_speaker():
    found = only("Jean Dupont, qui dirige le syndicat, a dénoncé «une provocation inacceptable».")

    assert found["speaker"] == "Jean Dupont"


@pytest.mark.parametrize(
    "verb",
    [
        "a déclaré",
        "a dit",
        "affirme",
        "estimait",
        "a jugé",
        "avait prévenu",
        "assure",
        "a souligné",
        "insiste",
        "martèle",
        "a reconnu",
        "confie",
        "a ajouté",
        "lance",
        "a dénoncé",
        "explique",
        "a indiqué",
        "répond",
        "rappelle",
        "poursuit",
        "a conclu",
        "résume",
        "glisse",
        "s’agace",
        "tempête",
        "s’insurge",
        "regrette",
        "a promis",
        "avertit",
        "observe",
        "note",
        "précise",
        "a annoncé",
        "raconte",
        "témoigne",
        "a confirmé",
        "admet",
        "avoue",
        "plaide",
        "fustige",
        "ironise",
        "renchérit",
        "réclame",
        "exige",
        "se félicite",
        "se réjouit",
        "déplore",
        "s’indigne",
        "commente",
        "détaille",
        "relève",
        "concède",
        "soupire",
        "sourit",
        "s’exclame",
        "tranche",
        "nuance",
        "s’inquiète",
        "salue",
        "défend",
        "a mis en garde",
        "a fait valoir",
    ],
)
def test_speech_verbs_in_any_form_attribute_the_quote(verb):
    found = suggest(f"«La situation est grave», {verb} Jean Dupont.")

    assert found == [quote("La situation est grave", "Jean Dupont")]


@pytest.mark.parametrize(
    "inverted", ["estime-t-il", "a-t-il ajouté", "a-t-il encore dit", "poursuit-il", "dit-il"]
)
def test_inverted_pronoun_finds_the_speaker(inverted):
    found = suggest("Jean Dupont, maire de Nantes, est arrivé.", f"«Nous verrons», {inverted}.")

    assert found == [quote("Nous verrons", "Jean Dupont", "maire de Nantes", block=1)]


# Roles and titles ----------------------------------------------------------------------------


def test_role_before_the_name_with_a_comma():
    found = only("«Nous ne céderons pas», a affirmé la maire (PS) de Nantes, Anne Dupuis.")

    assert (found["speaker"], found["role"]) == ("Anne Dupuis", "maire (PS) de Nantes")


def test_role_before_the_name_without_a_comma():
    found = only("Le ministre américain de la Défense Lloyd Austin a appelé à «la retenue».")

    assert (found["speaker"], found["role"]) == ("Lloyd Austin", "ministre américain de la Défense")


def test_role_before_a_name_of_three_words():
    found = only("Le président turc Recep Tayyip Erdogan a jugé «inacceptable» cette attitude.")

    assert (found["speaker"], found["role"]) == ("Recep Tayyip Erdogan", "président turc")


def test_role_after_the_name():
    found = only("«Nous ne céderons pas», estime Jean Dupont, maire (PS) de Nantes.")

    assert (found["speaker"], found["role"]) == ("Jean Dupont", "maire (PS) de Nantes")


def test_a_place_does_not_take_the_role_after_it():
    found = only(
        "A New York, le secrétaire général de l’ONU, Antonio Guterres, s’est dit «alarmé»."
    )

    assert (found["speaker"], found["role"]) == ("Antonio Guterres", "secrétaire général de l’ONU")


def test_role_after_the_name_and_age():
    found = only("«C’est fini», soupire Marie Durand, 34 ans, infirmière à Lyon.")

    assert (found["speaker"], found["role"]) == ("Marie Durand", "infirmière à Lyon")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("«Mon client est innocent», a plaidé Me Eric Dupond-Moretti.", "Eric Dupond-Moretti"),
        ("«Le virus circule», prévient le Pr Jean Dupont.", "Jean Dupont"),
        ("«Nous sommes débordés», confie le Dr Sarah Ali.", "Sarah Ali"),
        ("«On nous a oubliés», s’agace M. Dupont.", "Dupont"),
        ("«On nous a oubliés», s’agace Mme Dupont.", "Dupont"),
    ],
)
def test_titles_are_not_part_of_the_speaker(text, speaker):
    assert only(text)["speaker"] == speaker


def test_speaker_is_the_fullest_name_written_in_the_article():
    found = suggest(
        "Claire Martin, maire de Lille, est arrivée tôt.",
        "«C’est un scandale», a lancé Mme Martin.",
    )

    assert found == [quote("C’est un scandale", "Claire Martin", "maire de Lille", block=1)]


def test_shared_surname_is_told_apart_by_title():
    found = suggest(
        "Claire Martin, maire de Lille, et Jean Martin, son adjoint, étaient là.",
        "«C’est un scandale», a lancé Mme Martin. «Je suis d’accord», a répondu M. Martin.",
    )

    assert [(s["text"], s["speaker"]) for s in found] == [
        ("C’est un scandale", "Claire Martin"),
        ("Je suis d’accord", "Jean Martin"),
    ]


def test_role_is_carried_over_to_a_later_quote():
    found = suggest(
        "«Les Français veulent du changement», juge Jordan Bardella, président du RN.",
        "«Nous sommes prêts», a ajouté Jordan Bardella.",
    )

    assert [s["role"] for s in found] == ["président du RN", "président du RN"]


def test_role_noun_finds_the_person_given_that_role():
    found = suggest(
        "L’entraîneur du PSG, Luis Enrique, était furieux.",
        "«On va travailler», a promis l’entraîneur.",
    )

    assert found == [quote("On va travailler", "Luis Enrique", "entraîneur du PSG", block=1)]


def test_bare_role_noun_that_speaks_is_the_person_in_view_without_a_role():
    found = suggest(
        "Dans son nouveau roman, «Les Eaux noires», Marie Dupré raconte sa grand-mère.",
        "«J’ai mis dix ans à l’écrire», confie l’autrice.",
    )

    assert found == [quote("J’ai mis dix ans à l’écrire", "Marie Dupré", "autrice", block=1)]


def test_role_with_a_party_and_a_name():
    found = only("«Ce texte protège les mineurs», a dit le député Renaissance Jean Dupont.")

    assert (found["speaker"], found["role"]) == ("Jean Dupont", "député Renaissance")


def test_role_with_a_number():
    found = only("«Ils ont tout détruit», témoigne Fatima, mère de trois enfants.")

    assert (found["speaker"], found["role"]) == ("Fatima", "mère de trois enfants")


def test_a_new_description_after_an_inverted_verb_is_the_person_in_focus():
    found = suggest(
        "Pour Eric Coquerel, président (LFI) de la commission des finances, ce budget est"
        " «injuste». «On demande encore aux classes moyennes de payer», a déploré le député"
        " de Seine-Saint-Denis.",
    )

    assert [(s["speaker"], s["role"]) for s in found] == [
        ("Eric Coquerel", "président (LFI) de la commission des finances"),
        ("Eric Coquerel", "député de Seine-Saint-Denis"),
    ]


def test_a_description_opening_the_next_sentence_is_the_person_in_focus():
    found = suggest(
        "«Nous censurerons», a prévenu Marine Le Pen. La présidente du groupe RN a ajouté que"
        " sa décision serait prise «dans les prochains jours».",
    )

    assert [s["speaker"] for s in found] == ["Marine Le Pen", "Marine Le Pen"]


def test_a_role_with_an_indefinite_complement_is_someone_new():
    found = suggest(
        "«Elle nous a fait changer d’avis», reconnaît le préfet, Jean-François Cordet.",
        "Le maire RN d’une commune voisine dénonce «un appel d’air».",
    )

    assert (found[1]["speaker"], found[1]["role"]) == (None, "maire RN d’une commune voisine")


def test_a_reply_is_not_the_person_in_focus():
    found = suggest("«C’est fini», a dit Jean Dupont. «Rien n’est fini», a répondu le maire.")

    assert [(s["speaker"], s["role"]) for s in found] == [("Jean Dupont", ""), (None, "maire")]


def test_title_before_a_surname_with_a_particle():
    found = suggest(
        "«Nous censurerons», a prévenu Marine Le Pen.",
        "Mme Le Pen a répliqué sur X : «Le dialogue, ce n’est pas le mépris.»",
    )

    assert found[1]["speaker"] == "Marine Le Pen"


def test_a_group_of_people_speaks_as_unnamed_plural():
    found = only("Une vingtaine d’économistes appellent à «ne pas céder à la facilité».")

    assert (found["speaker"], found["role"]) == (None, "économistes")


def test_a_nationality_is_not_an_organisation():
    found = only("Les Français jugent le budget «trop lourd pour les ménages».")

    assert (found["speaker"], found["role"]) == (None, "Français")


def test_bare_role_noun_finds_the_latest_person_mentioned_without_a_role():
    found = suggest(
        "L’entraîneur, Luis Enrique, a salué la performance d’Ousmane Dembélé.",
        "«C’est ma meilleure saison», a confié l’attaquant.",
    )

    assert (found[0]["speaker"], found[0]["role"]) == ("Ousmane Dembélé", "attaquant")


def test_bare_role_noun_opening_a_sentence_names_the_person_for_later_pronouns():
    found = suggest(
        "Karla Sofía Gascón a fondu en larmes. L’actrice avait été critiquée.",
        "Sur le plateau, elle avait présenté ses excuses : «Je le regrette profondément.»",
    )

    assert (found[0]["speaker"], found[0]["role"]) == ("Karla Sofía Gascón", "actrice")


def test_generic_noun_stands_for_the_body_named_before():
    found = suggest(
        "Le PSG s’est imposé face à Lyon.",
        "Le club a publié un communiqué : «Le PSG condamne les chants homophobes.»",
    )

    assert (found[0]["speaker"], found[0]["kind"]) == ("PSG", "document")


def test_feminine_role_noun_finds_the_woman_given_it():
    found = suggest(
        "La ministre de la Santé, Catherine Vautrin, et le maire de Lyon, Grégory Doucet,"
        " se sont rencontrés.",
        "«Rien n’est exclu», a affirmé la ministre.",
    )

    assert (found[0]["speaker"], found[0]["role"]) == ("Catherine Vautrin", "ministre de la Santé")


def test_a_given_name_decides_the_gender_over_the_role_noun():
    found = suggest(
        "Le procureur de Paris, Laure Beccuau, a ouvert une enquête. Le préfet était là.",
        "«Les faits sont graves», a-t-elle souligné.",
    )

    assert found[0]["speaker"] == "Laure Beccuau"


# Pronouns -------------------------------------------------------------------------------------


def test_pronoun_finds_the_latest_speaker_of_its_gender_across_paragraphs():
    found = suggest(
        "«Nous tiendrons», a déclaré Anne Dupuis, maire de Nantes.",
        "Le préfet, Jean Dupont, n’a pas réagi.",
        "«Nous verrons bien», a-t-elle ajouté.",
    )

    assert found[1] == quote("Nous verrons bien", "Anne Dupuis", "maire de Nantes", block=2)


def test_pronoun_subject_before_the_verb():
    found = suggest("Jean Dupont a parlé longtemps.", "Il a poursuivi : «Nous devons réformer.»")

    assert found == [quote("Nous devons réformer.", "Jean Dupont", block=1)]


def test_selon_elle_finds_the_woman_mentioned_before():
    found = only("Anne Dupuis est arrivée. Selon elle, «rien n’est joué».")

    assert found["speaker"] == "Anne Dupuis"


def test_participle_agreement_tells_the_gender():
    found = suggest(
        "Claude Dupont et Jean Durand sont arrivés.",
        "«Je suis désolée», s’est excusée Claude Dupont. «Moi aussi», a-t-elle été ravie.",
    )

    assert [s["speaker"] for s in found] == ["Claude Dupont", "Claude Dupont"]


def test_pronoun_prefers_the_protagonist_who_spoke_to_a_relative_mentioned_since():
    found = suggest(
        "Samia Benali dirige une association. «Je n’ai rien oublié», dit-elle.",
        "Sa mère tenait la maison. Son père travaillait à la filature.",
        "Elle entre à Sciences-Po en 2001. «Je me sentais comme une extraterrestre», sourit-elle.",
    )

    assert [(s["speaker"], s["role"]) for s in found] == [("Samia Benali", "")] * 2


def test_reflexive_inverted_verb_finds_the_speaker():
    found = suggest(
        "Samia Benali a grandi à Roubaix.",
        "«Il rentrait épuisé, mais il ne se plaignait jamais», se souvient-elle.",
    )

    assert found[0]["speaker"] == "Samia Benali"


def test_pronoun_finds_an_organisation_that_spoke():
    found = only("Le Kremlin a réagi mardi. «Ces accusations sont infondées», a-t-il indiqué.")

    assert found["speaker"] == "Kremlin"


def test_full_statement_standing_alone_is_said_by_the_latest_speaker():
    found = suggest(
        "«Nous avons tout essayé», a déclaré Jean Dupont, maire de Nantes.",
        "«Il n’y a plus rien à faire.»",
    )

    assert found[1] == quote(
        "Il n’y a plus rien à faire.", "Jean Dupont", "maire de Nantes", block=1
    )


# Kinds ----------------------------------------------------------------------------------------


def test_lowercase_words_woven_into_the_sentence_are_a_fragment():
    found = only("Le président Emmanuel Macron a salué «une décision historique» mardi.")

    assert found["kind"] == "fragment"


def test_words_after_que_are_a_fragment_even_capitalised():
    found = only("Jean Dupont a affirmé que «Emmanuel Macron doit partir».")

    assert found["kind"] == "fragment"


def test_a_short_fragment_governed_by_a_speech_verb_is_a_quote():
    found = only("Le porte-parole du Kremlin, Dmitri Peskov, a jugé ces accusations «infondées».")

    assert found == quote("infondées", "Dmitri Peskov", "porte-parole du Kremlin", kind="fragment")


def test_a_short_fragment_of_the_sentence_subject_is_a_quote():
    found = suggest(
        "Le maire de Lyon, Grégory Doucet, a été clair.", "Le maire se montre «serein»."
    )

    assert found == [quote("serein", "Grégory Doucet", "maire de Lyon", kind="fragment", block=1)]


def test_a_short_statement_standing_alone_is_a_quote():
    found = suggest("«Nous ne lâcherons rien», poursuit Anne Dupuis. «Jamais.»")

    assert found[1] == quote("Jamais.", "Anne Dupuis")


def test_a_proper_name_in_guillemets_after_a_verb_is_not_a_quote():
    assert suggest("Le président a évoqué «Notre-Dame» dans son discours.") == []


def test_full_statement_is_full():
    assert only("«Je ne regrette rien», a déclaré Jean Dupont.")["kind"] == "full"


# Documents ------------------------------------------------------------------------------------


def test_quote_of_a_communique_is_a_document_of_its_issuer():
    found = only(
        "Dans un communiqué, le ministère de l’Intérieur affirme que «la situation est maîtrisée»."
    )

    assert found == quote("la situation est maîtrisée", "ministère de l’Intérieur", kind="document")


def test_quote_of_a_report_names_its_issuer():
    found = only("Le rapport de la Cour des comptes pointe «une gestion défaillante».")

    assert found == quote("une gestion défaillante", "Cour des comptes", kind="document")


@pytest.mark.parametrize(
    "text",
    [
        "«Les Etats membres s’engagent à coopérer», stipule l’article 3 du traité.",
        "Le décret prévoit que «toute personne peut saisir le juge».",
        "«La paix est possible», peut-on lire dans la déclaration finale.",
        "Le jugement retient «une intention de nuire caractérisée».",
    ],
)
def test_quote_of_an_unsigned_text_is_a_document_without_speaker(text):
    found = only(text)

    assert (found["speaker"], found["kind"]) == (None, "document")


def test_message_posted_on_a_network_is_a_document_of_its_author():
    found = only("Emmanuel Macron a écrit sur X : «La France sera au rendez-vous.»")

    assert found == quote("La France sera au rendez-vous.", "Emmanuel Macron", kind="document")


def test_letter_is_a_document_of_its_signatory():
    found = only("Dans une lettre aux députés, Gabriel Attal écrit : «Je compte sur vous.»")

    assert (found["speaker"], found["kind"]) == ("Gabriel Attal", "document")


# Organisations and unnamed speakers -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Le ministère des Armées a indiqué : «Aucune frappe n’a visé des civils.»",
            "ministère des Armées",
        ),
        ("La CGT a dénoncé : «C’est un passage en force.»", "CGT"),
        ("Les Etats-Unis ont confirmé que les troupes étaient «engagées au combat».", "Etats-Unis"),
        ("Moscou a dénoncé «une provocation inacceptable».", "Moscou"),
        ("La Commission européenne a salué «un accord historique».", "Commission européenne"),
    ],
)
def test_organisations_speak_without_their_article(text, speaker):
    found = only(text)

    assert (found["speaker"], found["role"]) == (speaker, "")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("«C’est inacceptable», a réagi un diplomate.", "diplomate"),
        (
            "«Tout le monde savait», affirme une source proche du dossier.",
            "source proche du dossier",
        ),
        ("Un habitant, qui préfère rester anonyme, raconte : «On a tout perdu.»", "habitant"),
        (
            "L’ambassadeur américain adjoint à l’ONU a prévenu : «Ce sera long.»",
            "ambassadeur américain adjoint à l’ONU",
        ),
    ],
)
def test_unnamed_speaker_has_a_role_and_no_name(text, role):
    found = only(text)

    assert (found["speaker"], found["role"]) == (None, role)


# Not quotes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Le film «La Haine» ressort en salles.",
        "Son dernier livre, «Les Années noires», sort jeudi.",
        "L’album «Civilisation» s’est bien vendu.",
        "La série «Plus belle la vie» revient.",
        "L’exposition «Picasso et la guerre» ouvre ses portes.",
        "Il a lu le journal «Le Monde» hier.",
    ],
    ids=["film", "book", "album", "series", "exhibition", "newspaper"],
)
def test_titles_of_works_are_not_quotes(text):
    assert suggest(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Le chanteur, surnommé «le Boss», a ravi la foule.",
        "Le chanteur, dit «le Boss», a ravi la foule.",
        "Ce navire, baptisé «Espérance», a accosté.",
    ],
    ids=["surnommé", "dit", "baptisé"],
)
def test_nicknames_are_not_quotes(text):
    assert suggest(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Le plan «France 2030» avance.",
        "L’affaire des «fadettes» rebondit.",
        "L’opération «Sentinelle» est maintenue.",
        "La loi «Immigration» a été votée.",
        "Le programme «Erasmus» fête ses 30 ans.",
        "Le dispositif «Ma prime rénov» est prolongé.",
    ],
    ids=["plan", "affair", "operation", "law", "programme", "scheme"],
)
def test_names_of_plans_laws_operations_and_affairs_are_not_quotes(text):
    assert suggest(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Le «wokisme» serait partout dans les universités.",
        "Une «bavure», selon certains observateurs.",
        "Le gouvernement prévoit un «bouclier tarifaire».",
        "Ces «experts» n’ont rien vu venir.",
    ],
)
def test_terms_and_irony_are_not_quotes(text):
    assert suggest(text) == []


def test_a_title_followed_by_its_noun_is_not_a_quote():
    assert (
        suggest("Il fallait s’y attendre : «Emilia Pérez», le film de Jacques Audiard, a gagné.")
        == []
    )


def test_words_on_a_banner_are_not_a_statement_of_the_latest_speaker():
    found = suggest(
        "«On a fait un match sérieux», a commenté Luis Enrique.",
        "Les ultras ont déployé une banderole «Paris est magique».",
    )

    assert [s["text"] for s in found] == ["On a fait un match sérieux"]


def test_a_name_someone_gives_is_not_a_quote():
    assert suggest("L’attaque, que le Hamas appelle «Déluge d’Al-Aqsa», a surpris Israël.") == []


def test_a_newspaper_named_in_guillemets_speaks_for_its_editorial():
    found = only("Dans son éditorial, le quotidien «Haaretz» dénonce «une fuite en avant».")

    assert found == quote("une fuite en avant", "Haaretz", kind="document")


def test_guillemets_in_an_intertitle_without_speech_are_not_quotes():
    assert suggest({"type": "intertitle", "text": "Une «bavure» ?"}) == []


def test_speech_in_an_intertitle_is_a_quote():
    found = only({"type": "intertitle", "text": "«On ne lâchera rien», promet la CGT"})

    assert found == quote("On ne lâchera rien", "CGT")


# Said, not named --------------------------------------------------------------------------------


def test_words_after_an_article_are_a_quote_when_a_speech_verb_governs_them():
    assert only("Le maire, Paul Girard, a dénoncé un «projet bâclé».") == quote(
        "projet bâclé", "Paul Girard", "maire", "fragment"
    )


def test_a_call_to_one_word_and_the_word_coordinated_with_it_are_quotes():
    found = suggest("La préfète, Anne Roux, a appelé les riverains au «calme» et à la «prudence».")

    assert [(q["text"], q["speaker"], q["kind"]) for q in found] == [
        ("calme", "Anne Roux", "fragment"),
        ("prudence", "Anne Roux", "fragment"),
    ]


def test_lowercase_words_a_speech_verb_governs_after_a_title_noun_are_a_quote():
    found = only("La ministre, Lise Moreau, a défendu une réforme «attendue depuis dix ans».")

    assert (found["text"], found["speaker"], found["kind"]) == (
        "attendue depuis dix ans",
        "Lise Moreau",
        "fragment",
    )


def test_a_statement_after_a_colon_is_not_named_by_the_noun_before_it():
    found = only("Henri Vidal ne cache pas son mot : «Nous irons jusqu’au bout.»")

    assert (found["speaker"], found["kind"]) == ("Henri Vidal", "full")


def test_a_naming_verb_names_the_words_after_its_object():
    assert suggest("Les habitants ont surnommé le quartier la «petite Venise».") == []


def test_a_contracted_article_after_the_words_is_no_title_in_apposition():
    found = only("Marc Petit s’est réjoui d’un «accord historique», au terme d’une longue nuit.")

    assert (found["text"], found["speaker"]) == ("accord historique", "Marc Petit")


def test_a_role_noun_that_refers_back_keeps_the_role_written_before():
    found = suggest(
        "La procureure, Anne Roux, a requis cinq ans. «Rien ne justifie ce silence», a-t-elle"
        " dit. La magistrate a dénoncé des «fautes graves»."
    )

    assert [(q["speaker"], q["role"]) for q in found] == [
        ("Anne Roux", "procureure"),
        ("Anne Roux", "procureure"),
    ]


def test_the_former_role_refers_back_to_whoever_held_it():
    found = only(
        "Le commissaire Paul Girard a mené l’enquête. «Je n’oublie rien», raconte l’ancien"
        " commissaire."
    )

    assert (found["speaker"], found["role"]) == ("Paul Girard", "commissaire")


def test_a_capitalised_group_before_a_comma_and_a_name_belongs_to_the_role():
    found = only(
        "«Nous ne céderons pas», a déclaré la secrétaire de la section CFDT Métaux, Julie Arnaud."
    )

    assert (found["speaker"], found["role"]) == (
        "Julie Arnaud",
        "secrétaire de la section CFDT Métaux",
    )


def test_a_party_with_its_article_is_part_of_the_role_before_or_after_the_name():
    after = only(
        "«Ce budget est injuste», a affirmé Luc Ferrand, député Les Ecologistes de la Drôme."
    )
    before = only(
        "Le président du groupe Les Indépendants, Paul Girard, a prévenu : «Nous voterons contre.»"
    )

    assert after["role"] == "député Les Ecologistes de la Drôme"
    assert before["role"] == "président du groupe Les Indépendants"


def test_a_possessive_noun_phrase_after_a_name_is_the_role_without_the_possessive():
    found = only("«Il ne dort jamais», raconte Karim Amrani, son associé depuis dix ans.")

    assert (found["speaker"], found["role"]) == ("Karim Amrani", "associé")


def test_a_trade_shaped_noun_after_a_name_is_a_role():
    found = only("«La terre se vend mal», regrette Marie Lenoir, céramiste à Vallauris.")

    assert (found["speaker"], found["role"]) == ("Marie Lenoir", "céramiste à Vallauris")


def test_a_name_in_apposition_after_a_role_may_carry_its_party_in_brackets():
    found = only(
        "La rapporteure du texte, Anne Roux (PS), a défendu le projet. «Nous irons vite»,"
        " a-t-elle lancé."
    )

    assert (found["speaker"], found["role"]) == ("Anne Roux", "rapporteure du texte")


def test_a_titled_name_with_its_article_in_apposition_after_a_role():
    found = only(
        "Le chef du service, le Dr Paul Girard, ne mâche pas ses mots : «Nous sommes à bout.»"
    )

    assert (found["speaker"], found["role"]) == ("Paul Girard", "chef du service")


# Who «elle» is --------------------------------------------------------------------------------


def test_a_pronoun_before_any_name_is_the_person_named_next_with_the_role_given_then():
    found = suggest(
        "Elle arrive tôt, rue Lafayette, et ouvre les volets. «Ici, tout commence avant l’aube»,"
        " lance-t-elle.",
        "A 52 ans, la boulangère du quartier, Odile Maréchal, ne compte plus ses heures.",
    )

    assert found == [
        quote("Ici, tout commence avant l’aube", "Odile Maréchal", "boulangère du quartier")
    ]


def test_a_street_name_is_no_one():
    found = only("Rue Lafayette, Anne Roux ouvre sa boutique. «Le quartier revit», sourit-elle.")

    assert found["speaker"] == "Anne Roux"


def test_a_name_in_apposition_after_a_body_noun_is_the_body_name():
    found = only("La compagnie aérienne, Air Lumio, a évoqué dans un communiqué «un incident».")

    assert (found["speaker"], found["role"], found["kind"]) == ("Air Lumio", "", "document")


def test_a_pronoun_in_a_new_paragraph_is_the_named_speaker_not_an_unnamed_voice():
    found = suggest(
        "Sophie Arnal, la maire, a parlé. «Nous tiendrons», a-t-elle dit.",
        "«J’ai eu peur», confie une habitante.",
        "Trois mois après, elle n’a pas changé d’avis. «Nous rouvrirons l’école», assure-t-elle.",
    )

    assert [(q["speaker"], q["role"]) for q in found] == [
        ("Sophie Arnal", "maire"),
        (None, "habitante"),
        ("Sophie Arnal", "maire"),
    ]


def test_a_pronoun_after_a_fronted_phrase_keeps_the_chain_for_the_next_statement():
    found = suggest(
        "Marc Petit, le maire, a parlé. «Nous tiendrons», a-t-il dit.",
        "Le syndicat a publié un communiqué.",
        "Un an plus tard, il n’a rien retiré. «Je le redirais demain.»",
    )

    assert found[-1]["speaker"] == "Marc Petit"


# Known people ---------------------------------------------------------------------------------

KNOWN = [
    Known("emmanuel-macron", "Emmanuel Macron", ("Macron",)),
    Known("francois-bayrou", "François Bayrou"),
]


def test_known_person_is_matched_by_name():
    found = only("«Nous tiendrons», a déclaré Emmanuel Macron.", known=KNOWN)

    assert found["person"] == "emmanuel-macron"


def test_known_person_is_matched_by_alias():
    found = only("«Nous tiendrons», a assuré Macron.", known=KNOWN)

    assert (found["speaker"], found["person"]) == ("Macron", "emmanuel-macron")


def test_known_person_is_matched_without_accents_or_case():
    found = only("«Nous tiendrons», a déclaré Francois BAYROU.", known=KNOWN)

    assert found["person"] == "francois-bayrou"


def test_unknown_speaker_has_no_person():
    assert only("«Nous tiendrons», a déclaré Jean Dupont.", known=KNOWN)["person"] is None


def test_organisation_is_never_a_known_person():
    known = [Known("cgt", "CGT")]

    assert only("La CGT a dénoncé : «C’est un passage en force.»", known=known)["person"] is None


# Documents, bodies and role edges --------------------------------------------------------------


def test_a_document_quote_carries_no_role_even_from_a_named_signatory():
    found = suggest(
        "La ministre des Sports, Odile Varenne, a visité le chantier.",
        "«Nous tiendrons les délais», a-t-elle écrit sur X.",
    )

    assert (found[0]["speaker"], found[0]["role"], found[0]["kind"]) == (
        "Odile Varenne",
        "",
        "document",
    )


def test_a_bulletin_is_a_text_of_its_issuer_even_after_dernier():
    found = only("Selon le dernier bulletin de Météo-Alpes, «la neige tiendra jusqu’à jeudi».")

    assert (found["speaker"], found["kind"]) == ("Météo-Alpes", "document")


def test_a_medium_in_a_relative_clause_with_que_is_not_the_subject():
    found = only(
        "Une note du service départemental d’incendie, que Ouest-Matin a pu consulter, "
        "pointait «des extincteurs périmés»."
    )

    assert (found["speaker"], found["kind"]) == ("service départemental d’incendie", "document")


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("«Je n’y croyais plus», a lancé la nageuse de 19 ans en sortant du bassin.", "nageuse"),
        ("«Je n’y croyais plus», a lancé le nageur de vingt ans.", "nageur"),
    ],
)
def test_an_age_or_a_gerund_ends_the_role(sentence, role):
    assert only(sentence)["role"] == role


def test_a_role_after_the_age_refers_back_to_the_person_named_with_a_fuller_role():
    found = suggest(
        "La nageuse lyonnaise Sarah Peyrol a battu le record.",
        "«Je n’y croyais plus», a lancé la nageuse de 19 ans en sortant du bassin.",
    )

    assert (found[0]["speaker"], found[0]["role"]) == ("Sarah Peyrol", "nageuse lyonnaise")


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("«Tout a brûlé», raconte un voisin du troisième étage.", "voisin du troisième étage"),
        ("«Tout a brûlé», raconte une voisine du 4e étage.", "voisine du 4e étage"),
        (
            "«C’est injuste», résume une institutrice de la même école.",
            "institutrice de la même école",
        ),
    ],
)
def test_a_rank_or_meme_inside_a_complement_is_part_of_the_role(sentence, role):
    assert only(sentence)["role"] == role


def test_an_adjective_in_ier_completes_the_noun_of_a_role():
    found = only("La directrice du centre pénitentiaire, Agnès Moreau, reconnaît «des tensions».")

    assert (found["speaker"], found["role"]) == (
        "Agnès Moreau",
        "directrice du centre pénitentiaire",
    )


def test_savourer_is_a_speech_verb():
    found = only("«On a tout donné», a savouré Kévin Marchal, le buteur du soir.")

    assert found["speaker"] == "Kévin Marchal"


def test_a_body_named_with_a_capitalised_noun_keeps_its_lowercase_adjective():
    found = only("La Fédération paysanne du Tarn a salué des mesures «bienvenues».")

    assert found["speaker"] == "Fédération paysanne du Tarn"


def test_an_acronym_in_brackets_is_another_name_of_the_body_not_part_of_it():
    found = suggest(
        "La Fédération nationale des pêcheurs de loisir (FNPL) dénonce «un scandale».",
        "«Les quotas sont intenables», ajoute la FNPL.",
    )

    assert [q["speaker"] for q in found] == ["Fédération nationale des pêcheurs de loisir"] * 2


def test_a_proper_name_after_a_body_noun_group_is_part_of_the_body_name():
    found = only(
        "Dans un communiqué, l’agence régionale de santé Bretagne-Sud juge la situation "
        "«préoccupante»."
    )

    assert found["speaker"] == "agence régionale de santé Bretagne-Sud"
    assert found["kind"] == "document"


def test_a_text_issued_by_a_body_named_in_guillemets_in_its_apposition():
    found = only(
        "La pétition, signée par le collectif «Sauvons la gare», exige «un moratoire immédiat»."
    )

    assert (found["speaker"], found["kind"]) == ("Sauvons la gare", "document")


def test_a_reader_named_in_the_apposition_of_a_text_is_not_its_issuer():
    found = only("La lettre, lue à l’audience par la juge, évoquait «des menaces répétées».")

    assert (found["speaker"], found["kind"]) == (None, "document")


@pytest.mark.parametrize(
    "sentence",
    [
        "Le syndicat des pilotes a, de son côté, dénoncé «une provocation».",
        "Le syndicat des pilotes a pour sa part dénoncé «une provocation».",
    ],
)
def test_a_phrase_between_the_auxiliary_and_the_participle(sentence):
    assert only(sentence)["speaker"] == "syndicat des pilotes"


def test_a_guide_speaks_through_its_edition_as_a_document():
    found = only("Le guide Gourmets de France salue dans son édition 2026 «une cuisine sincère».")

    assert (found["speaker"], found["kind"]) == ("guide Gourmets de France", "document")


def test_a_name_after_a_role_may_open_a_dash_incise():
    found = only(
        "Le chef de file de la majorité, Paul Girard – qui ne cache pas ses ambitions –, a "
        "dénoncé «une manœuvre»."
    )

    assert (found["speaker"], found["role"]) == ("Paul Girard", "chef de file de la majorité")


def test_roles_joined_by_et_after_a_name_are_one_role():
    found = only(
        "«Nous irons jusqu’au bout», insiste Hugo Lebrun, infirmier à Brest et fondateur du "
        "collectif."
    )

    assert found["role"] == "infirmier à Brest et fondateur du collectif"


@pytest.mark.parametrize(
    "sentence",
    [
        "«Rien n’est joué», a tenu à souligner la maire, Anne Roussel.",
        "«Rien n’est joué», a-t-elle voulu rappeler, selon Anne Roussel.",
    ],
)
def test_a_verb_of_will_before_a_speech_infinitive_makes_it_said(sentence):
    assert only(sentence)["speaker"] == "Anne Roussel"


def test_a_description_opening_a_sentence_refers_back_and_keeps_the_role():
    found = suggest(
        "L’entraîneur du FC Rouen, Marc Olivier, a souri : «On a tenu.»",
        "Le technicien normand s’est gardé de tout triomphalisme. «Rien n’est fait», a-t-il"
        " prévenu.",
    )

    assert [(q["speaker"], q["role"]) for q in found] == [
        ("Marc Olivier", "entraîneur du FC Rouen")
    ] * 2


def test_a_former_trade_that_speaks_is_the_person_just_introduced_with_their_role():
    found = only(
        "Jules Marty, boulanger retraité à Figeac, n’en revient pas. «J’ai cru à une blague»,"
        " sourit l’ancien artisan du village."
    )

    assert (found["speaker"], found["role"]) == ("Jules Marty", "boulanger retraité à Figeac")


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("«On a manqué de tout», regrette l’ouvreur toulonnais Théo Brunet.", "ouvreur toulonnais"),
        (
            "«Le moteur a lâché», explique le mécanicien de l’écurie, Théo Brunet.",
            "mécanicien de l’écurie",
        ),
        (
            "«Rien ne bougera», prévient la greffière du tribunal, Léa Brunet.",
            "greffière du tribunal",
        ),
        ("«J’ai tout vu», raconte la compagne du plombier, Léa Brunet.", "compagne du plombier"),
    ],
)
def test_common_trades_and_relations_are_role_nouns_before_a_name(sentence, role):
    found = only(sentence)

    assert (found["role"], found["speaker"] in ("Théo Brunet", "Léa Brunet")) == (role, True)


@pytest.mark.parametrize(
    "verb", ["a pesté", "s’est écrié", "a suggéré", "abonde", "s’est vanté", "a rebondi"]
)
def test_more_speech_verbs_after_the_words(verb):
    assert only(f"«Il fallait oser», {verb} Paul Vidal.")["speaker"] == "Paul Vidal"


def test_a_participle_apposition_hides_what_it_names_from_the_subject():
    found = suggest(
        "Le collectif des sages-femmes de l’Aude a lancé un appel.",
        "Le collectif, créé en 2021 sur les réseaux sociaux par des soignantes, réclame "
        "«des moyens dignes».",
    )

    assert (found[0]["speaker"], found[0]["kind"]) == (
        "collectif des sages-femmes de l’Aude",
        "fragment",
    )


def test_pour_x_opening_the_sentence_gives_the_view_over_a_subject_that_is_no_one():
    found = only(
        "Pour la Fédération des parents, les nouvelles classes répondent à «une attente forte»."
    )

    assert found["speaker"] == "Fédération des parents"


def test_pour_x_opening_the_sentence_yields_to_a_person_who_speaks():
    found = only("Pour la défense, le prévenu a dénoncé «un procès politique», selon Le Soir.")

    assert found["speaker"] is None or found["speaker"] != "défense"


def test_a_bare_role_no_one_holds_refers_to_the_latest_person_named_nearby():
    found = suggest(
        "Le tribunal a jugé Marc Rivière, 58 ans, ancien gérant de la société Alpha.",
        "Marc Rivière conteste les faits.",
        "L’accusé a eu la parole en dernier. «Je regrette», a-t-il murmuré.",
    )

    assert (found[0]["speaker"], found[0]["role"]) == (
        "Marc Rivière",
        "ancien gérant de la société Alpha",
    )


def test_an_object_after_a_verb_is_not_its_inverted_subject():
    found = only(
        "Le parquet de Lyon a rappelé que «la loi est claire», ce qui explique l’absence de "
        "la société sur le banc des accusés."
    )

    assert found["speaker"] == "parquet de Lyon"


@pytest.mark.parametrize(
    "second",
    [
        "Sur scène, elle a dédié son prix à son frère, «qui m’a tout appris».",
        "Suivent trois ans à Rome, où elle apprend le métier «sans jamais se plaindre».",
    ],
)
def test_lowercase_words_in_a_clause_without_speech_verb_are_its_subject_pronoun(second):
    found = suggest("«Je n’y croyais pas», a confié la pianiste Lucie Marot.", second)

    assert found[1]["speaker"] == "Lucie Marot"


def test_a_term_after_an_article_in_a_pronoun_clause_is_still_no_quote():
    found = suggest(
        "«Je n’y croyais pas», a confié la pianiste Lucie Marot.",
        "Elle vit désormais dans une «maison de verre» au bord du lac.",
    )

    assert [q["text"] for q in found] == ["Je n’y croyais pas"]


def test_an_ampersand_joins_the_words_of_a_company_name():
    found = only("«Nous fermons le site», a annoncé Durand & Fils dans un communiqué.")

    assert found["speaker"] == "Durand & Fils"


def test_a_text_quoted_later_is_by_whoever_signed_it_before():
    found = only(
        "Le maire de Niort, Paul Giraud, a signé jeudi un arrêté anti-bruit. L’arrêté, "
        "affiché en mairie, évoque «des nuisances répétées»."
    )

    assert (found["speaker"], found["role"], found["kind"]) == ("Paul Giraud", "", "document")


def test_a_text_someone_received_is_not_theirs():
    found = only(
        "Le maire de Niort, Paul Giraud, a reçu jeudi une lettre. La lettre évoque «des "
        "nuisances répétées»."
    )

    assert (found["speaker"], found["kind"]) == (None, "document")


def test_an_agreement_signed_by_one_party_is_not_issued_by_it():
    found = only(
        "La présidente Ana Silva a signé ce traité. Le traité prévoit «une aide immédiate»."
    )

    assert (found["speaker"], found["kind"]) == (None, "document")


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        (
            "«On tient», dit Eva Roux, soudeuse sur le chantier naval.",
            "soudeuse sur le chantier naval",
        ),
        ("«On tient», dit Eva Roux, ingénieure chez Airbus.", "ingénieure chez Airbus"),
        (
            "«On tient», dit Eva Roux, infirmière dans un hôpital de Lille.",
            "infirmière dans un hôpital de Lille",
        ),
    ],
)
def test_a_workplace_completes_a_trade_set_after_a_name(sentence, role):
    found = only(sentence)

    assert found["role"] == role


def test_the_people_of_a_place_are_a_group_not_a_body_that_speaks():
    found = suggest(
        "Menés à la pause, les Brestois ont renversé le match.",
        "«Quelle soirée !», a savouré l’attaquant Yanis Kerbrat.",
        "«Ce public nous porte.»",
    )

    assert [q["speaker"] for q in found] == ["Yanis Kerbrat", "Yanis Kerbrat"]
    assert "Brestois" not in [q["speaker"] for q in suggest("Les Brestois ont gagné. «Enfin !»")]


def test_a_relative_sharing_the_surname_alias_of_a_known_person_is_not_linked_to_them():
    known = [Known("lina-moreau", "Lina Moreau", ("Moreau",))]
    found = suggest(
        "La cheffe Lina Moreau a ouvert son restaurant. «J’y crois», dit-elle.",
        "Son père, Marc Moreau, sourit. «Elle a toujours cuisiné», raconte M. Moreau.",
        known=known,
    )

    assert [(q["speaker"], q["person"]) for q in found] == [
        ("Lina Moreau", "lina-moreau"),
        ("Marc Moreau", None),
    ]


def test_a_medium_after_selon_reports_the_words_of_the_subject():
    found = suggest(
        "Le ministre de l’Agriculture, Jean Rolland, est attendu à Rennes.",
        "Selon Le Monde, le ministre serait «furieux contre ses services».",
    )

    assert found[0]["speaker"] == "Jean Rolland"


# Roles across the newsroom's domains: a dev set of invented sentences -------------------------

ROLES_ACROSS_DOMAINS = [
    (
        "«Nous tiendrons le calendrier», a assuré Sophie Marchal, première adjointe "
        "chargée des finances.",
        "Sophie Marchal",
        "première adjointe chargée des finances",
    ),
    (
        "La conseillère municipale d’opposition Léa Fontaine (LR) a dénoncé «un passage en force».",
        "Léa Fontaine",
        "conseillère municipale d’opposition",
    ),
    (
        "«Le dossier est complet», a indiqué le sous-préfet de Brest, Olivier Ramel.",
        "Olivier Ramel",
        "sous-préfet de Brest",
    ),
    (
        "«Rien n’est acté», a déclaré Paul Vidal, secrétaire d’Etat chargé du numérique, mardi.",
        "Paul Vidal",
        "secrétaire d’Etat chargé du numérique",
    ),
    (
        "«Je ne regrette rien», a déclaré Hugo Lenoir, porte-parole adjoint du gouvernement.",
        "Hugo Lenoir",
        "porte-parole adjoint du gouvernement",
    ),
    (
        "«Ce site restera ouvert», a promis Karine Morel, directrice générale adjointe du groupe.",
        "Karine Morel",
        "directrice générale adjointe du groupe",
    ),
    (
        "«La procédure a été respectée», a affirmé l’avocate générale, Claire Besson.",
        "Claire Besson",
        "avocate générale",
    ),
    (
        "«Il ment depuis le début», a lancé Me Julie Arnaud, avocate de la partie civile.",
        "Julie Arnaud",
        "avocate de la partie civile",
    ),
    (
        "Le prévenu, Marc Dufour, 42 ans, a reconnu «une erreur».",
        "Marc Dufour",
        "prévenu",
    ),
    (
        "«Je l’ai vu tomber», a raconté un témoin, Alain Petit, qui habite en face.",
        "Alain Petit",
        "témoin",
    ),
    (
        "«Le service est saturé», alerte Nadia Brahimi, infirmière aux urgences du CHU de Caen.",
        "Nadia Brahimi",
        "infirmière aux urgences du CHU de Caen",
    ),
    (
        "«On travaille à flux tendu», explique Julien Roux, aide-soignant de nuit.",
        "Julien Roux",
        "aide-soignant de nuit",
    ),
    (
        "«Il fallait opérer vite», a expliqué le chirurgien Denis Caron, chef de "
        "service à l’hôpital Nord.",
        "Denis Caron",
        "chirurgien",
    ),
    (
        "«On a manqué de réalisme», a regretté le demi de mêlée toulousain Antoine Dupré.",
        "Antoine Dupré",
        "demi de mêlée toulousain",
    ),
    (
        "«On a manqué de réalisme», a regretté Antoine Dupré, le talonneur du Stade toulousain.",
        "Antoine Dupré",
        "talonneur du Stade toulousain",
    ),
    (
        "«Le groupe vit bien», a assuré le sélectionneur des Bleus, Didier Lambert, 55 ans.",
        "Didier Lambert",
        "sélectionneur des Bleus",
    ),
    (
        "«C’était penalty», a estimé Lucas Moreau, milieu de terrain du FC Nantes.",
        "Lucas Moreau",
        "milieu de terrain du FC Nantes",
    ),
    (
        "«La direction nous ment», a dénoncé Fabrice Lopez, délégué syndical CGT chez Stellantis.",
        "Fabrice Lopez",
        "délégué syndical CGT chez Stellantis",
    ),
    (
        "«On n’a rien vu venir», confie Sandrine Petit, élue CFDT au CSE.",
        "Sandrine Petit",
        "élue CFDT au CSE",
    ),
    (
        "«Trente ans de maison, et dehors», souffle Yves Bernard, cariste sur le site depuis 1994.",
        "Yves Bernard",
        "cariste sur le site",
    ),
    (
        "«Les prix ne couvrent plus nos coûts», estime Hervé Guillot, éleveur laitier à Vire.",
        "Hervé Guillot",
        "éleveur laitier à Vire",
    ),
    (
        "«Le texte résiste au temps», a confié la metteuse en scène Julie Renard.",
        "Julie Renard",
        "metteuse en scène",
    ),
    (
        "«J’ai écrit ce livre en prison», a raconté l’écrivaine Sarah Benali, lauréate "
        "du prix Femina.",
        "Sarah Benali",
        "écrivaine",
    ),
    (
        "«Le marché de l’art s’essouffle», observe Pierre Lemaire, galeriste à Paris "
        "depuis vingt ans.",
        "Pierre Lemaire",
        "galeriste à Paris",
    ),
    (
        "«C’est une œuvre fragile», explique Marion Duval, commissaire de l’exposition.",
        "Marion Duval",
        "commissaire de l’exposition",
    ),
    (
        "«Il faut des moyens», a plaidé Anne Leroy, principale du collège Jean-Moulin.",
        "Anne Leroy",
        "principale du collège Jean-Moulin",
    ),
    (
        "«La molécule est prometteuse», affirme Eric Faure, directeur de recherche au CNRS.",
        "Eric Faure",
        "directeur de recherche au CNRS",
    ),
    (
        "«Nous prions pour les victimes», a déclaré le curé de la paroisse, Jean Martin.",
        "Jean Martin",
        "curé de la paroisse",
    ),
    (
        "«Nous manquons de bénévoles», regrette Laure Simon, présidente de l’antenne "
        "locale des Restos du cœur.",
        "Laure Simon",
        "présidente de l’antenne locale des Restos du cœur",
    ),
    (
        "«Il était si gentil», a confié sa mère, Martine Roche, en larmes.",
        "Martine Roche",
        "mère",
    ),
    (
        "«Le feu a pris très vite», a indiqué le commandant des pompiers, le "
        "lieutenant-colonel Marc Girard.",
        "Marc Girard",
        "commandant des pompiers",
    ),
    (
        "«L’enquête avance», a déclaré la procureure de la République de Lille, Carole "
        "Etienne, lors d’une conférence de presse.",
        "Carole Etienne",
        "procureure de la République de Lille",
    ),
    (
        "Le maire de Vire, Jean Durand, a signé l’arrêté. «Nous n’avions pas le choix», "
        "a expliqué l’intéressé.",
        "Jean Durand",
        "maire de Vire",
    ),
    (
        "L’entraîneur du Racing, Paul Girard, a été limogé.\n«Je l’ai appris par la "
        "presse», a réagi le premier concerné.",
        "Paul Girard",
        "entraîneur du Racing",
    ),
    (
        "Le chorégraphe Abou Diallo présente sa création. «Le corps raconte tout», dit l’artiste.",
        "Abou Diallo",
        "chorégraphe",
    ),
    (
        "«On ne lâchera rien», a lancé Sonia Ferreira, opératrice sur la ligne 3, devant l’usine.",
        "Sonia Ferreira",
        "opératrice sur la ligne 3",
    ),
    (
        "«Les gardes à vue se multiplient», selon Thomas Blanc, commissaire divisionnaire à Lyon.",
        "Thomas Blanc",
        "commissaire divisionnaire à Lyon",
    ),
    (
        "«La cour se retire pour délibérer», a annoncé le président de la cour "
        "d’assises, Michel Roy.",
        "Michel Roy",
        "président de la cour d’assises",
    ),
    (
        "«C’est un rêve», a réagi la rappeuse Kenza, 24 ans.",
        "Kenza",
        "rappeuse",
    ),
    (
        "«Les sols sont secs», constate Paul Morin, agriculteur à Niort – il cultive du blé.",
        "Paul Morin",
        "agriculteur à Niort",
    ),
    (
        "«Nous avons été trahis», a dénoncé Luc Ferrand, vice-président (LR) du conseil "
        "départemental.",
        "Luc Ferrand",
        "vice-président (LR) du conseil départemental",
    ),
    (
        "«Personne ne nous écoute», lance Marie Caron, urgentiste depuis 2010.",
        "Marie Caron",
        "urgentiste",
    ),
    (
        "«La saison est lancée», a déclaré Hugo Blanc, gardien de but du Havre, dimanche.",
        "Hugo Blanc",
        "gardien de but du Havre",
    ),
    (
        "«Le chantier prendra deux ans», a annoncé Lise Tardy, cheffe de cabinet du préfet.",
        "Lise Tardy",
        "cheffe de cabinet du préfet",
    ),
    (
        "«Il y a urgence», a lancé Rémi Garnier, chef de service de réanimation, qui "
        "réclame des lits.",
        "Rémi Garnier",
        "chef de service de réanimation",
    ),
    (
        "«C’est un tournant», a jugé le réalisateur Tom Ricard, dont le film sort mercredi.",
        "Tom Ricard",
        "réalisateur",
    ),
    (
        "«Ce n’est pas fini», a prévenu la sénatrice (PS) de l’Aude, Inès Garcia.",
        "Inès Garcia",
        "sénatrice (PS) de l’Aude",
    ),
    (
        "«On n’a jamais vu ça», raconte Thierry Colin, conducteur de bus à la RATP.",
        "Thierry Colin",
        "conducteur de bus à la RATP",
    ),
    (
        "«Il faut écouter les soignants», a estimé le psychiatre Paul Dumas, expert "
        "auprès de la cour d’appel de Rennes.",
        "Paul Dumas",
        "psychiatre",
    ),
    (
        "Sylvie Masson, épouse du boulanger tué en mars, est venue à l’audience.\n«Il "
        "n’a jamais eu de chance», a confié la veuve.",
        "Sylvie Masson",
        "épouse du boulanger",
    ),
    (
        "L’ancien comptable de la mairie, Bruno Lefèvre, est jugé pour "
        "détournement.\n«Je n’ai rien pris», a affirmé l’accusé.",
        "Bruno Lefèvre",
        "ancien comptable de la mairie",
    ),
    (
        "L’ouvreur nantais Léo Carpentier a brillé.\n«On a tenu», a savouré l’ouvreur de 22 ans.",
        "Léo Carpentier",
        "ouvreur nantais",
    ),
    (
        "«Je suis fière de lui», a dit la mère de la victime, Hélène Roux, 61 ans.",
        "Hélène Roux",
        "mère de la victime",
    ),
    (
        "«On veut la vérité», a lancé Karim Benali, frère de la victime, entouré de proches.",
        "Karim Benali",
        "frère de la victime",
    ),
    (
        "«Le site fermera», a annoncé Marc Tissier, directeur du site depuis 2019, "
        "devant les salariés.",
        "Marc Tissier",
        "directeur du site",
    ),
    (
        "«Nous refusons», a martelé Julie Morel, déléguée CGT – elle travaille ici "
        "depuis vingt ans.",
        "Julie Morel",
        "déléguée CGT",
    ),
    (
        "«Il faut du temps», estime Paul Navarro, comédien formé au Conservatoire.",
        "Paul Navarro",
        "comédien",
    ),
    (
        "«Rien ne bouge», déplore Agnès Vidal, présidente de l’association des "
        "riverains, qui a saisi la justice.",
        "Agnès Vidal",
        "présidente de l’association des riverains",
    ),
    (
        "«Le vaccin est sûr», a assuré le professeur Jean Lacombe, chef du service "
        "d’infectiologie à l’hôpital Bichat, le 3 mars.",
        "Jean Lacombe",
        "chef du service d’infectiologie à l’hôpital Bichat",
    ),
    (
        "«J’ai prié toute la nuit», raconte le père Antoine Delmas, curé de Vézelay.",
        "Antoine Delmas",
        "curé de Vézelay",
    ),
    (
        "«On a perdu notre âme», regrette Nicolas Faure, arrière gauche du Racing, âgé de 29 ans.",
        "Nicolas Faure",
        "arrière gauche du Racing",
    ),
    (
        "«La récolte est perdue», soupire Luc Barbier, viticulteur à Pomerol, en "
        "montrant ses vignes.",
        "Luc Barbier",
        "viticulteur à Pomerol",
    ),
    (
        "«Nous avons besoin de bras», explique Claire Dumas, directrice de l’Ehpad Les Tilleuls.",
        "Claire Dumas",
        "directrice de l’Ehpad Les Tilleuls",
    ),
    (
        "«C’est historique», a salué la ministre de la Culture, Rachida Bensaïd, en visite à Lyon.",
        "Rachida Bensaïd",
        "ministre de la Culture",
    ),
    (
        "«Je me suis sentie trahie», confie Emma Leroux, 34 ans, chanteuse du groupe Les Ombres.",
        "Emma Leroux",
        "chanteuse du groupe Les Ombres",
    ),
    (
        "«Il y a eu des erreurs», reconnaît Hugo Marchand, ancien adjoint aux sports, "
        "mis en examen en mai.",
        "Hugo Marchand",
        "ancien adjoint aux sports",
    ),
    (
        "«Nos effectifs fondent», alerte le colonel Michel Arnaud, commandant du "
        "groupement de gendarmerie de l’Orne.",
        "Michel Arnaud",
        "commandant du groupement de gendarmerie de l’Orne",
    ),
]


@pytest.mark.parametrize(("paragraphs", "speaker", "role"), ROLES_ACROSS_DOMAINS)
def test_roles_across_domains_end_where_the_role_ends(paragraphs, speaker, role):
    """Invented sentences, one or two paragraphs (split at a line break): the speaker and
    the role as the labelling conventions write them."""
    found = suggest(*paragraphs.split("\n"))[0]

    assert (found["speaker"], found["role"]) == (speaker, role)


@pytest.mark.parametrize(
    ("masculine", "feminine"),
    [
        ("adjoint", "adjointe"),
        ("chirurgien", "chirurgienne"),
        ("infirmier", "infirmière"),
        ("directeur", "directrice"),
        ("agriculteur", "agricultrice"),
        ("entraîneur", "entraîneuse"),
        ("préfet", "préfète"),
        ("aide-soignant", "aide-soignante"),
        ("juge", None),
    ],
)
def test_the_feminine_of_a_role_noun_follows_the_rules(masculine, feminine):
    from articles.quote_finder.nouns import feminine_of

    assert feminine_of(masculine) == feminine


def test_feminine_and_plural_role_nouns_are_read_from_the_masculine_entry():
    from articles.quote_finder.nouns import ROLES

    assert ROLES["urgentistes"] == ("urgentiste", None, True)
    assert ROLES["sélectionneuse"] == ("sélectionneur", "f", False)
    assert ROLES["comédiennes"] == ("comédien", "f", True)
    assert "médecine" not in ROLES  # «médecin/» has no feminine of its own


def test_a_noun_that_only_refers_back_keeps_no_role_of_its_own():
    found = suggest(
        "Paul Girard a été limogé mardi.",
        "«Je l’ai appris par la presse», a réagi l’intéressé.",
    )

    assert (found[0]["speaker"], found[0]["role"]) == ("Paul Girard", "")


# Who speaks: invented paragraphs across domains ---------------------------------------------

WHO_SPEAKS = [
    pytest.param(
        [
            "La sénatrice Hélène Brossard (PS) a reçu mardi le ministre de l’Agriculture, "
            "Marc Tessier.",
            "«Nous n’avons rien obtenu», a-t-elle regretté à la sortie.",
        ],
        [("Hélène Brossard", "sénatrice", "full")],
        id="politics-elle-across-paragraphs-is-the-woman",
    ),
    pytest.param(
        [
            "La sénatrice Hélène Brossard (PS) a reçu mardi le ministre de l’Agriculture, "
            "Marc Tessier.",
            "«Le dialogue reste ouvert», a-t-il assuré.",
        ],
        [("Marc Tessier", "ministre de l’Agriculture", "full")],
        id="politics-il-across-paragraphs-is-the-man-though-only-mentioned",
    ),
    pytest.param(
        [
            "Le maire de Figeac, André Solignac, a présenté son budget jeudi.",
            "Selon lui, «la ville n’a jamais été aussi peu endettée».",
        ],
        [("André Solignac", "maire de Figeac", "fragment")],
        id="politics-selon-lui",
    ),
    pytest.param(
        [
            "L’entraîneuse du club, Nadia Ferhat, a revu sa défense.",
            "A ses yeux, «le problème est mental, pas technique».",
        ],
        [("Nadia Ferhat", "entraîneuse du club", "fragment")],
        id="sport-a-ses-yeux",
    ),
    pytest.param(
        [
            "Les deux élus écologistes, Anne Rivière et Paul Cosson, ont quitté la séance.",
            "De leur point de vue, «le débat était joué d’avance».",
        ],
        [(None, "", "fragment")],
        id="politics-de-leur-point-de-vue-is-a-group",
    ),
    pytest.param(
        [
            "«Le marché est saturé», explique Julien Morvan, directeur général de Breizh Cidre.",
            "«Nous devons exporter, poursuit-il. Sinon, nous fermerons.»",
        ],
        [
            ("Julien Morvan", "directeur général de Breizh Cidre", "full"),
            ("Julien Morvan", "directeur général de Breizh Cidre", "full"),
        ],
        id="business-poursuit-il-in-an-incise",
    ),
    pytest.param(
        [
            "«Nous irons jusqu’au bout», a promis Sylvie Caron, déléguée CFDT.",
            "Le directeur du site, Bernard Lucet, a refusé tout commentaire. Il a seulement "
            "déclaré : «Le plan sera appliqué.»",
        ],
        [
            ("Sylvie Caron", "déléguée CFDT", "full"),
            ("Bernard Lucet", "directeur du site", "full"),
        ],
        id="business-a-new-subject-takes-the-next-il",
    ),
    pytest.param(
        [
            "Le président du tribunal, Alain Verdier, interroge le prévenu, Kevin Marchand.",
            "«Pourquoi avez-vous pris la fuite ?», interroge le président.",
            "«J’avais peur», répond le prévenu.",
        ],
        [
            ("Alain Verdier", "président du tribunal", "full"),
            ("Kevin Marchand", "prévenu", "full"),
        ],
        id="courts-question-and-answer",
    ),
    pytest.param(
        [
            "L’avocate de la défense, Me Claire Besson, a plaidé la relaxe face au procureur "
            "Yves Roche.",
            "«Le dossier est vide», a lancé le procureur. «C’est vous qui le dites», rétorque "
            "l’avocate.",
        ],
        [
            ("Yves Roche", "procureur", "full"),
            ("Claire Besson", "avocate de la défense", "full"),
        ],
        id="courts-retorque-l-avocate",
    ),
    pytest.param(
        [
            "Marie Dubois a 34 ans. Elle élève seule ses deux enfants à Tourcoing.",
            "«Je ne m’en sors plus depuis l’été.»",
        ],
        [("Marie Dubois", "", "full")],
        id="faits-divers-a-quote-alone-after-the-portrait",
    ),
    pytest.param(
        [
            "«J’ai entendu un grand bruit puis plus rien.» Gérard Pons, 72 ans, a assisté à "
            "l’accident depuis sa fenêtre. «Le conducteur roulait trop vite.»"
        ],
        [("Gérard Pons", "", "full"), ("Gérard Pons", "", "full")],
        id="faits-divers-a-hook-then-the-witness-it-brings-in",
    ),
    pytest.param(
        [
            "«Nous avons tout perdu», raconte Sandrine Molle, agricultrice.",
            "«On n’a plus rien.» Le maire, Paul Girot, promet une aide d’urgence.",
        ],
        [("Sandrine Molle", "agricultrice", "full"), ("Paul Girot", "maire", "full")],
        id="local-a-hook-is-said-by-the-new-subject-not-the-speaker-before",
    ),
    pytest.param(
        [
            "«Nous avons tout perdu», raconte Sandrine Molle, agricultrice.",
            "«On n’a plus rien.» Le maire, Paul Girot, lui, reste optimiste.",
        ],
        [("Sandrine Molle", "agricultrice", "full"), ("Sandrine Molle", "agricultrice", "full")],
        id="local-a-subject-set-against-the-hook-did-not-say-it",
    ),
    pytest.param(
        [
            "«Nous avons tout perdu», raconte Sandrine Molle, agricultrice.",
            "«On n’a plus rien.» De son côté, le maire, Paul Girot, promet une aide.",
        ],
        [("Sandrine Molle", "agricultrice", "full"), ("Sandrine Molle", "agricultrice", "full")],
        id="local-de-son-cote-sets-the-subject-against-the-hook",
    ),
    pytest.param(
        [
            "«On savait que ce jour viendrait», soupire, les yeux rougis, Thierry Gallet, "
            "patron du bar Le Central."
        ],
        [("Thierry Gallet", "patron du bar Le Central", "full")],
        id="local-the-name-after-a-phrase-in-the-incise",
    ),
    pytest.param(
        [
            "Le maire, Paul Renard, a promis des travaux.",
            "«On attend depuis dix ans», lâche un habitant.",
        ],
        [(None, "habitant", "full")],
        id="local-un-habitant-is-someone-new",
    ),
    pytest.param(
        [
            "Le suspect, Jordan Lefèvre, a été interpellé dimanche.",
            "«Il était toujours poli», raconte une voisine.",
        ],
        [(None, "voisine", "full")],
        id="faits-divers-une-voisine-is-someone-new",
    ),
    pytest.param(
        [
            "Un policier, qui a requis l’anonymat, décrit une nuit agitée. «Ils étaient une "
            "vingtaine», dit-il.",
            "«Nous avons été débordés», reconnaît le policier.",
        ],
        [(None, "policier", "full"), (None, "policier", "full")],
        id="faits-divers-le-policier-refers-back",
    ),
    pytest.param(
        [
            "Le message est sans ambiguïté : «Le site fermera le 30 juin.» Il est signé du PDG "
            "du groupe, François Delorme."
        ],
        [("François Delorme", "", "document")],
        id="business-a-text-signed-in-the-next-sentence",
    ),
    pytest.param(
        [
            "Dans un courriel envoyé par Luc Arnaud aux salariés, on lit : «Aucun licenciement "
            "n’est prévu.»"
        ],
        [("Luc Arnaud", "", "document")],
        id="business-un-courriel-envoye-par-x",
    ),
    pytest.param(
        [
            "Une lettre anonyme, arrivée en mairie, évoquait «des menaces répétées».",
            "Entendue mardi, l’autrice de la lettre, Jeanne Morel, a confirmé ses accusations.",
        ],
        [("Jeanne Morel", "", "document")],
        id="courts-the-author-of-the-letter-named-in-the-next-paragraph",
    ),
    pytest.param(
        [
            "Une lettre anonyme, arrivée en mairie, évoquait «des menaces répétées».",
            "L’autrice de la lettre, Jeanne Morel, aide-soignante à Dax, a témoigné : «J’avais "
            "peur pour mes enfants.»",
        ],
        [("Jeanne Morel", "", "document"), ("Jeanne Morel", "aide-soignante à Dax", "full")],
        id="courts-the-author-of-a-text-keeps-the-role-after-her-name",
    ),
    pytest.param(
        [
            "Le rapport évoque «un manque criant de moyens».",
            "«Nous faisons ce que nous pouvons», a réagi la directrice, Anne Colin.",
        ],
        [(None, "", "document"), ("Anne Colin", "directrice", "full")],
        id="health-a-text-is-not-by-whoever-speaks-next",
    ),
    pytest.param(
        [
            "Jacques Morin, 67 ans, a découvert le corps. «J’ai tout de suite appelé les "
            "secours», raconte l’homme, encore choqué."
        ],
        [("Jacques Morin", "", "full")],
        id="faits-divers-l-homme-refers-back",
    ),
    pytest.param(
        [
            "Léa Martin, 24 ans, a été agressée dans le métro.",
            "«Personne n’a bougé», raconte la jeune femme.",
        ],
        [("Léa Martin", "", "full")],
        id="faits-divers-la-jeune-femme-refers-back",
    ),
    pytest.param(
        [
            "Bernard Lopez, 63 ans, technicien chez Valmetal, n’a rien vu venir. «On m’a "
            "licencié par SMS», souffle le sexagénaire."
        ],
        [("Bernard Lopez", "technicien chez Valmetal", "full")],
        id="business-le-sexagenaire-refers-back-and-keeps-the-role",
    ),
    pytest.param(
        [
            "L’ambassadeur américain, John Carter, a prévenu : “Nothing is off the table.”",
            "“We expect results”, a-t-il ajouté.",
        ],
        [
            ("John Carter", "ambassadeur américain", "full"),
            ("John Carter", "ambassadeur américain", "full"),
        ],
        id="foreign-english-a-closed-quote-then-another-with-its-own-verb",
    ),
    pytest.param(
        [
            "La directrice, Anne Colin, a été claire : «Nous ne fermerons pas.»",
            "«Nous recruterons», a-t-elle ajouté.",
        ],
        [("Anne Colin", "directrice", "full"), ("Anne Colin", "directrice", "full")],
        id="health-a-closed-quote-is-not-continued-by-an-attributed-one",
    ),
    pytest.param(
        [
            "Léa, 24 ans, a été agressée dans le métro. «Personne n’a bougé», raconte la jeune "
            "femme."
        ],
        [("Léa", "", "full")],
        id="faits-divers-a-given-name-with-an-age-opens-the-sentence",
    ),
    pytest.param(
        ["Le maire a reçu le préfet, Marc Lebrun. Ce dernier a assuré : «L’Etat sera présent.»"],
        [("Marc Lebrun", "préfet", "full")],
        id="politics-ce-dernier-is-the-latest-named-not-the-subject",
    ),
    pytest.param(
        [
            "Le président de la cour, Jean-Luc Barbier, interroge l’accusée, Sandra Pinto.",
            "«Aviez-vous bu ce soir-là ?» «Un verre, pas plus», répond-elle. «Un seul ?», "
            "insiste le président.",
        ],
        [
            ("Jean-Luc Barbier", "président de la cour", "full"),
            ("Sandra Pinto", "accusée", "full"),
            ("Jean-Luc Barbier", "président de la cour", "full"),
        ],
        id="courts-the-judge-asks-the-accused-answers-the-judge-insists",
    ),
    pytest.param(
        [
            "Paul Roy, ancien chef de chantier, comparaît pour homicide involontaire. Le "
            "prévenu a reconnu des erreurs.",
            "«Mon client n’avait pas l’autorité», a plaidé son avocat, Me Luc Marin.",
            "Le parquet a requis trois ans de prison.",
            "Le prévenu a eu le dernier mot. «Je n’oublierai jamais», a-t-il dit.",
        ],
        [
            ("Luc Marin", "avocat", "full"),
            ("Paul Roy", "ancien chef de chantier", "full"),
        ],
        id="courts-le-prevenu-again-is-who-it-referred-to-before",
    ),
    pytest.param(
        [
            "«L’eau est montée en dix minutes», raconte une habitante du quartier. L’habitante "
            "montre ses meubles détruits : «Tout est perdu.»"
        ],
        [(None, "habitante du quartier", "full"), (None, "habitante du quartier", "full")],
        id="faits-divers-une-habitante-then-l-habitante",
    ),
    pytest.param(
        [
            "Renault a confirmé la fermeture. «Cette décision est douloureuse», écrit le "
            "constructeur dans un communiqué."
        ],
        [("Renault", "", "document")],
        id="business-le-constructeur-is-the-company-named",
    ),
    pytest.param(
        [
            "La SNCF a présenté ses excuses. La ministre des Transports, Julie Mercier, a jugé "
            "la situation «inacceptable». «Je veux des réponses», a-t-elle ajouté."
        ],
        [
            ("Julie Mercier", "ministre des Transports", "fragment"),
            ("Julie Mercier", "ministre des Transports", "full"),
        ],
        id="transport-elle-is-the-minister-not-the-company",
    ),
    pytest.param(
        ["Le Premier ministre espagnol, Pedro Sanz, a lancé : «No pasarán.»"],
        [("Pedro Sanz", "Premier ministre espagnol", "full")],
        id="foreign-spanish-words",
    ),
    pytest.param(
        ["Le ministre a parlé d’«une étape» avant d’ajouter : «Nous irons plus loin.»"],
        [(None, "ministre", "fragment"), (None, "ministre", "full")],
        id="politics-a-fragment-then-a-full-statement",
    ),
    pytest.param(
        ["Le rapport pointe «des failles» et «un manque de contrôle»."],
        [(None, "", "document"), (None, "", "document")],
        id="courts-coordinated-words-of-a-text-are-documents",
    ),
    pytest.param(
        [
            "Les infirmières du service ont cessé le travail. Selon elles, «la situation est "
            "intenable»."
        ],
        [(None, "infirmières du service", "fragment")],
        id="health-selon-elles-is-the-group",
    ),
    pytest.param(
        [
            "«Nous réclamons des moyens», a déclaré Marc Durand, délégué SUD.",
            "La directrice de l’hôpital, Isabelle Caron, l’a reçu lundi. Elle a promis «des "
            "recrutements rapides».",
        ],
        [
            ("Marc Durand", "délégué SUD", "full"),
            ("Isabelle Caron", "directrice de l’hôpital", "fragment"),
        ],
        id="health-elle-is-the-woman-just-introduced-as-subject",
    ),
    pytest.param(
        [
            "«Nous réclamons des moyens», a déclaré Marc Durand, délégué SUD.",
            "La directrice de l’hôpital, Isabelle Caron, l’a reçu lundi.",
            "«Nous n’avons rien obtenu», a-t-il regretté.",
        ],
        [("Marc Durand", "délégué SUD", "full"), ("Marc Durand", "délégué SUD", "full")],
        id="health-il-skips-the-woman-in-between",
    ),
    pytest.param(
        [
            "L’entraîneur du PSG, Luis Ortega, a encensé son gardien, Gianluca Rossi. «Il nous "
            "a sauvés», a-t-il déclaré."
        ],
        [("Luis Ortega", "entraîneur du PSG", "full")],
        id="sport-il-is-the-subject-not-the-player-praised",
    ),
    pytest.param(
        [
            "Le gardien, Gianluca Rossi, a été élu homme du match. Son entraîneur, Luis "
            "Ortega, a salué sa performance.",
            "«J’ai juste fait mon travail», a répondu le gardien.",
        ],
        [("Gianluca Rossi", "gardien", "full")],
        id="sport-le-gardien-answers-his-coach",
    ),
    pytest.param(
        [
            "Maria Silva, 45 ans, fait le ménage dans des bureaux depuis vingt ans.",
            "Chaque matin, elle se lève à 4 heures. «Je ne vois jamais mes enfants le matin», "
            "dit-elle.",
        ],
        [("Maria Silva", "", "full")],
        id="society-elle-across-a-paragraph-opening-with-a-time",
    ),
    pytest.param(
        [
            "Dans une lettre adressée au Premier ministre, le maire de Calais, Pierre Lenoir, "
            "demande «un plan d’urgence»."
        ],
        [("Pierre Lenoir", "", "document")],
        id="politics-a-letter-by-its-sender-not-its-addressee",
    ),
    pytest.param(
        [
            "Le chanteur Youssef Amri sort son troisième album. Il y évoque son enfance à "
            "Roubaix. «J’avais besoin de raconter d’où je viens», explique l’artiste."
        ],
        [("Youssef Amri", "chanteur", "full")],
        id="culture-l-artiste-refers-back-to-the-singer",
    ),
    pytest.param(
        [
            "GRDF annonce que 3 000 foyers sont privés de gaz. «Le retour à la normale prendra "
            "deux jours», prévient le gestionnaire du réseau dans un communiqué."
        ],
        [("GRDF", "", "document")],
        id="local-what-a-body-does-stands-for-the-body-named",
    ),
    pytest.param(
        [
            "La SNCF a présenté son plan. Le collectif national des aiguilleurs dénonce «un "
            "mépris total»."
        ],
        [("collectif national des aiguilleurs", "", "fragment")],
        id="transport-a-collective-with-its-complement-is-named",
    ),
    pytest.param(
        [
            "«C’est un crime de guerre», a dénoncé le président ukrainien, Oleksandr Hrytsenko, "
            "dans son message vidéo quotidien."
        ],
        [("Oleksandr Hrytsenko", "président ukrainien", "full")],
        id="foreign-a-video-message-is-spoken-not-a-text",
    ),
    pytest.param(
        [
            "«Il faut agir vite», estime Claire Dubois. Pour cette économiste de l’OFCE, «la "
            "récession est probable»."
        ],
        [
            ("Claire Dubois", "économiste de l’OFCE", "full"),
            ("Claire Dubois", "économiste de l’OFCE", "fragment"),
        ],
        id="business-cette-economiste-points-back-to-the-speaker",
    ),
    pytest.param(
        [
            "Orange a annoncé mardi la suppression de 2 000 postes. «Cette transformation est "
            "nécessaire», justifie l’opérateur."
        ],
        [("Orange", "", "full")],
        id="business-l-operateur-is-the-company-just-named",
    ),
    pytest.param(
        [
            "Le technicien Paul Aubry répare les antennes depuis vingt ans. «On grimpe par tous "
            "les temps», raconte l’opérateur."
        ],
        [("Paul Aubry", "technicien", "full")],
        id="business-l-operateur-is-a-person-after-a-person",
    ),
    pytest.param(
        [
            "«Objection !», s’écrie Me Paul Lenoir, avocat de la défense. «Rejetée», tranche la "
            "présidente."
        ],
        [("Paul Lenoir", "avocat de la défense", "full"), (None, "présidente", "full")],
        id="courts-objection-and-ruling",
    ),
    pytest.param(
        [
            "La présidente du tribunal, Marie Vasseur, a interrogé le prévenu. «Vous "
            "reconnaissez les faits ?» «Oui», a-t-il répondu."
        ],
        [("Marie Vasseur", "présidente du tribunal", "full"), (None, "prévenu", "full")],
        id="courts-il-answers-is-the-man-asked-not-the-judge",
    ),
    pytest.param(
        [
            "La romancière Léonie Faure publie son premier livre. Son éditeur, Julien Morel, "
            "parle d’«un texte rare».",
            "«J’ai mis dix ans à l’écrire», confie-t-elle.",
        ],
        [("Julien Morel", "éditeur", "fragment"), ("Léonie Faure", "romancière", "full")],
        id="culture-elle-past-the-publisher-who-spoke",
    ),
    pytest.param(
        [
            "Dans la nuit, un incendie a ravagé un entrepôt à Vénissieux. «Les flammes "
            "montaient à vingt mètres», raconte un riverain. Les pompiers sont restés sur place "
            "jusqu’au matin. «Le feu est maîtrisé», a indiqué le commandant Eric Faure."
        ],
        [(None, "riverain", "full"), ("Eric Faure", "commandant", "full")],
        id="faits-divers-a-neighbour-then-the-fire-officer",
    ),
    pytest.param(
        [
            "Ousmane Diallo a fui le Mali en 2019. Aujourd’hui, il travaille dans un restaurant "
            "de Montreuil.",
            "Le jeune homme sourit : «Ici, j’ai une vie.»",
        ],
        [("Ousmane Diallo", "", "full")],
        id="society-le-jeune-homme-across-paragraphs",
    ),
    pytest.param(
        [
            "Le médecin légiste, Alain Perret, a décrit des coups «d’une rare violence». Son "
            "rapport évoque «un acharnement»."
        ],
        [("Alain Perret", "médecin légiste", "fragment"), ("Alain Perret", "", "document")],
        id="courts-son-rapport-is-by-the-expert-just-heard",
    ),
    pytest.param(
        [
            "La ministre de la Culture, Rachida Benhamou, a écrit aux directeurs de théâtre.",
            "Dans sa lettre, elle promet «un soutien sans faille».",
        ],
        [("Rachida Benhamou", "", "document")],
        id="culture-sa-lettre-is-by-the-minister-who-wrote",
    ),
    pytest.param(
        ["L’experte psychiatre, Hélène Morvan, a décrit un homme «froid et manipulateur»."],
        [("Hélène Morvan", "experte psychiatre", "fragment")],
        id="courts-a-role-noun-qualified-by-another",
    ),
    pytest.param(
        ["Le chef étoilé Thierry Marsan, installé à Lyon, défend «une cuisine sociale»."],
        [("Thierry Marsan", "chef étoilé", "fragment")],
        id="culture-chef-etoile",
    ),
    pytest.param(
        ["«On manque de bras», soupire un médecin psychiatre de l’hôpital."],
        [(None, "médecin psychiatre de l’hôpital", "full")],
        id="health-an-unnamed-doctor-with-two-role-nouns",
    ),
    pytest.param(
        ["«J’ai vu la vague arriver», raconte Kadiatou, une mère de famille de 35 ans."],
        [("Kadiatou", "mère de famille", "full")],
        id="foreign-an-unknown-given-name-with-a-role-is-a-person",
    ),
    pytest.param(
        ["«Nous embauchons», a annoncé Airbus, leader mondial de l’aéronautique."],
        [("Airbus", "", "full")],
        id="business-a-company-with-a-genderless-apposition-stays-a-company",
    ),
    pytest.param(
        [
            "«Les caisses sont vides», a expliqué mardi le maire divers gauche de Tulle, "
            "Bernard Combes."
        ],
        [("Bernard Combes", "maire divers gauche de Tulle", "full")],
        id="politics-divers-gauche",
    ),
    pytest.param(
        [
            "Elle a donné rendez-vous dans un café de Belleville, “Je viens ici depuis mes 15 "
            "ans”. La rappeuse Zia, 27 ans, sort son deuxième album."
        ],
        [("Zia", "rappeuse", "full")],
        id="culture-a-statement-closing-a-pronoun-clause-before-the-name",
    ),
    pytest.param(
        [
            "Il nous reçoit dans son atelier de Montreuil. «Ici, tout est fait main», "
            "explique-t-il. Le céramiste Paul Aubrac expose à partir de jeudi."
        ],
        [("Paul Aubrac", "céramiste", "full")],
        id="culture-il-before-the-craftsman-is-named",
    ),
    pytest.param(
        [
            "Elle a les yeux qui brillent. «C’est mon premier festival», souffle-t-elle.",
            "Camille Dorval, 23 ans, joue samedi aux Vieilles Charrues.",
        ],
        [("Camille Dorval", "", "full")],
        id="culture-elle-before-a-name-of-either-gender",
    ),
    pytest.param(
        ["La ministre juge la décision «regrettable» mais «pas surprenante»."],
        [(None, "ministre", "fragment"), (None, "ministre", "fragment")],
        id="politics-a-verb-that-is-also-a-role-noun-after-a-role",
    ),
    pytest.param(
        [
            "Le préfet, Jean Morin, a signé un arrêté. Le texte interdit «tout rassemblement» "
            "et «toute vente d’alcool»."
        ],
        [("Jean Morin", "", "document"), ("Jean Morin", "", "document")],
        id="local-le-texte-is-the-decree-signed-before",
    ),
    pytest.param(
        ["Dans un communiqué, la mairie dénonce «une faute» et promet : «Nous ferons appel.»"],
        [("mairie", "", "document"), ("mairie", "", "document")],
        id="local-a-communique-s-fragment-and-statement-are-both-documents",
    ),
    pytest.param(
        [
            "«Nous sommes prêts», a assuré l’entraîneur, Luc Bernard, qui promet «du jeu» et "
            "«de l’envie»."
        ],
        [
            ("Luc Bernard", "entraîneur", "full"),
            ("Luc Bernard", "entraîneur", "fragment"),
            ("Luc Bernard", "entraîneur", "fragment"),
        ],
        id="sport-a-statement-then-coordinated-fragments-in-a-relative",
    ),
    pytest.param(
        [
            "Sur Instagram, la chanteuse Louane Morel a remercié ses fans : «Vous êtes "
            "incroyables.» Elle évoque aussi «une année folle»."
        ],
        [("Louane Morel", "", "document"), ("Louane Morel", "chanteuse", "fragment")],
        id="culture-a-post-then-her-words-in-the-article",
    ),
    pytest.param(
        [
            "Son homologue lensois, Pierre Sage, savourait : «On a étouffé Brest.» Le "
            "technicien a salué son attaquant, Florian Sotoca, auteur d’un doublé.",
            "«Je dédie ces buts à mon fils», a confié le joueur de 34 ans.",
        ],
        [
            ("Pierre Sage", "homologue lensois", "full"),
            ("Florian Sotoca", "attaquant", "full"),
        ],
        id="sport-le-joueur-is-the-striker-not-the-coach-who-spoke",
    ),
    pytest.param(
        [
            "«Je suis prêt», a déclaré Jean Dupuis, maire de Lille. Il recevait la ministre, "
            "Anne Colin.",
            "«Je veux rassembler», a ajouté l’élu.",
        ],
        [("Jean Dupuis", "maire de Lille", "full"), ("Jean Dupuis", "maire de Lille", "full")],
        id="politics-l-elu-is-the-mayor",
    ),
    pytest.param(
        [
            "Un porte-parole des rebelles, Lawrence Kabila, a rejeté ces accusations sur X : "
            "“Kinshasa refuses peace.” Il a ensuite publié un communiqué accusant l’armée de "
            "«bombardements délibérés»."
        ],
        [("Lawrence Kabila", "", "document"), ("Lawrence Kabila", "", "document")],
        id="foreign-a-post-on-x-and-a-communique-he-published",
    ),
    pytest.param(
        [
            "Une enquête a été ouverte. Selon une source proche du dossier, «la piste "
            "criminelle n’est pas écartée»."
        ],
        [(None, "source proche du dossier", "fragment")],
        id="faits-divers-words-selon-a-source-after-a-title-noun-are-said",
    ),
    pytest.param(
        [
            "Le groupe agroalimentaire Norlait a annoncé la fermeture de son usine de Vire. Dans "
            "un communiqué, la direction invoque «une baisse structurelle de la collecte»."
        ],
        [("Norlait", "", "document")],
        id="business-la-direction-is-the-company-named-after-its-description",
    ),
    pytest.param(
        [
            "Le constructeur automobile Valmeca a annoncé 300 suppressions de postes.",
            "Le délégué CGT, Marc Roy, dénonce un «plan prémédité». Selon lui, la direction a "
            "«menti aux salariés». «Les commandes sont là», martèle-t-il.",
        ],
        [
            ("Marc Roy", "délégué CGT", "fragment"),
            ("Marc Roy", "délégué CGT", "fragment"),
            ("Marc Roy", "délégué CGT", "full"),
        ],
        id="business-il-is-the-union-man-who-spoke-not-the-company-talked-about",
    ),
    pytest.param(
        [
            "La cheffe Lina Duarte a ouvert son restaurant en 2015. «J’ai tout appris seule», "
            "dit-elle.",
            "Celle qui l’a découverte, c’est Marion Achard, critique culinaire de L’Express. "
            "«Elle cuisine comme personne», assure la journaliste.",
        ],
        [
            ("Lina Duarte", "cheffe", "full"),
            ("Marion Achard", "critique culinaire de L’Express", "full"),
        ],
        id="culture-la-journaliste-is-the-critic-not-the-chef",
    ),
    pytest.param(
        [
            "A 31 ans, Awa Traoré publie son premier roman. «J’écrivais la nuit», se "
            "souvient-elle. Sa mère, Mariam, n’a découvert le manuscrit qu’à la signature. «Je "
            "ne savais même pas qu’elle écrivait», sourit la sexagénaire.",
            "Son éditrice chez Gallimard, Claire Fontaine, parle d’«une voix neuve».",
            "La romancière, elle, refuse l’étiquette. «Je ne fais pas de littérature de "
            "banlieue», tranche-t-elle.",
        ],
        [
            ("Awa Traoré", "romancière", "full"),
            ("Mariam", "mère", "full"),
            ("Claire Fontaine", "éditrice chez Gallimard", "fragment"),
            ("Awa Traoré", "romancière", "full"),
        ],
        id="culture-a-portrait-the-writer-her-mother-her-publisher",
    ),
    pytest.param(
        [
            "Son avocate, Me Sarah Cohen, a plaidé la clémence. «Mon client a grandi sans "
            "père», a-t-elle rappelé.",
            "En sortant, la mère du prévenu, en larmes, a lâché : «Il va tout perdre.»",
        ],
        [("Sarah Cohen", "avocate", "full"), (None, "mère du prévenu", "full")],
        id="courts-la-mere-du-prevenu-is-someone-new",
    ),
    pytest.param(
        [
            "L’entraîneur Andy Farrell reconnaissait la supériorité adverse : “France were "
            "better today.” Son capitaine, Caelan Doris, a lui parlé d’«une défaite frustrante»."
        ],
        [
            ("Andy Farrell", "entraîneur", "full"),
            ("Caelan Doris", "capitaine", "fragment"),
        ],
        id="sport-a-lui-parle-a-contrast-pronoun-between-auxiliary-and-participle",
    ),
    pytest.param(
        [
            "«Je travaille 70 heures par semaine», lâche Yann Le Guen, éleveur à Plouaret. Sa "
            "femme, Annie, tient les comptes. «On pioche dans l’épargne», confie-t-elle.",
        ],
        [
            ("Yann Le Guen", "éleveur à Plouaret", "full"),
            ("Annie", "femme", "full"),
        ],
        id="local-sa-femme-is-a-tie-and-a-role",
    ),
    pytest.param(
        [
            "La pétition, lancée par le collectif Rouen Vélo, a recueilli 5 000 signatures. "
            "Elle demande «une piste cyclable sécurisée»."
        ],
        [("collectif Rouen Vélo", "", "document")],
        id="local-elle-is-the-petition-that-opened-the-sentence-before",
    ),
    pytest.param(
        ["La maire, Anne Colin, a reçu la pétition mardi. Elle promet «une réponse rapide»."],
        [("Anne Colin", "maire", "fragment")],
        id="local-elle-is-the-mayor-who-received-the-petition",
    ),
    pytest.param(
        [
            "Le président de la République, Paul Morand, a reçu les syndicats. «Le dialogue est "
            "la méthode», a assuré le chef de l’Etat."
        ],
        [("Paul Morand", "président de la République", "full")],
        id="politics-le-chef-de-l-etat-refers-back-and-keeps-the-role",
    ),
    pytest.param(
        [
            "Le Premier ministre, Louis Garnier, a défendu son budget. «Il n’y a pas d’autre "
            "chemin», a insisté le locataire de Matignon."
        ],
        [("Louis Garnier", "Premier ministre", "full")],
        id="politics-le-locataire-de-matignon",
    ),
    pytest.param(
        [
            "La juge d’instruction a mis en examen le maire, Paul Rey. «Je suis innocent», a "
            "réagi l’élu."
        ],
        [("Paul Rey", "maire", "full")],
        id="courts-a-reaction-when-no-one-spoke-refers-back",
    ),
    pytest.param(
        [
            "«Je suis innocent», a déclaré le maire, Paul Rey. «Les indices sont graves», a "
            "répondu la juge d’instruction."
        ],
        [("Paul Rey", "maire", "full"), (None, "juge d’instruction", "full")],
        id="courts-a-reply-to-someone-who-spoke-is-someone-else",
    ),
    pytest.param(
        [
            "Le réalisateur Julien Carrère présente «Les Heures creuses», son quatrième "
            "long-métrage. «Je voulais filmer celles qu’on ne voit jamais», explique le "
            "cinéaste."
        ],
        [("Julien Carrère", "réalisateur", "full")],
        id="culture-a-title-set-off-by-its-ranked-noun-is-no-quote",
    ),
    pytest.param(
        [
            "La témoin, Inès Morel, a décrit la scène. «Vous étiez à quelle distance ?», lui "
            "demande l’avocate de la défense, Me Claire Roux. «Cinq mètres, peut-être», répond "
            "la jeune femme."
        ],
        [
            ("Claire Roux", "avocate de la défense", "full"),
            ("Inès Morel", "témoin", "full"),
        ],
        id="courts-who-replies-is-not-who-asked",
    ),
    pytest.param(
        [
            "«On a tout donné», souffle l’ailier de 21 ans. Théo Ramos a inscrit le seul essai "
            "du match."
        ],
        [("Théo Ramos", "ailier", "full")],
        id="sport-a-description-named-in-the-next-sentence",
    ),
    pytest.param(
        [
            "Le maire, Paul Roy, a reçu les riverains.",
            "«On attend depuis dix ans», souffle la retraitée. Jeanne Morin vit rue Pasteur "
            "depuis 1970.",
        ],
        [("Jeanne Morin", "retraitée", "full")],
        id="local-a-description-opening-a-paragraph-then-her-name",
    ),
    pytest.param(
        ["«Nous sommes à bout.» C’est le cri d’alarme lancé par Marie Dupont, infirmière à Dax."],
        [("Marie Dupont", "infirmière à Dax", "full")],
        id="health-a-hook-whose-owner-follows-par",
    ),
    pytest.param(
        ["«C’est une honte.» Le mot est de la députée Laure Vasseur, présente au conseil."],
        [("Laure Vasseur", "députée", "full")],
        id="politics-le-mot-est-de-x",
    ),
    pytest.param(
        ["Dans un communiqué, Airbus a indiqué que «la cadence sera maintenue»."],
        [("Airbus", "", "document")],
        id="business-a-company-s-communique",
    ),
    pytest.param(
        [
            "Le groupe Valdis a réagi dans la soirée. «Nous regrettons cette décision», écrit "
            "l’entreprise dans un communiqué."
        ],
        [("groupe Valdis", "", "document")],
        id="business-l-entreprise-is-the-named-group",
    ),
    pytest.param(
        ["La CGT a appelé à la grève jeudi.", "Le syndicat, lui, a jugé ces annonces «indignes»."],
        [("CGT", "", "fragment")],
        id="business-le-syndicat-is-the-union-named-before",
    ),
    pytest.param(
        [
            "La gendarmerie de la Manche a lancé un appel à témoins. «Toute information peut "
            "être utile», indique-t-elle dans un communiqué."
        ],
        [("gendarmerie de la Manche", "", "document")],
        id="faits-divers-a-body-is-elle",
    ),
    pytest.param(
        [
            "Le Premier ministre britannique, James Hollis, a réagi sur la BBC : “We stand "
            "with our fishermen.”"
        ],
        [("James Hollis", "Premier ministre britannique", "full")],
        id="foreign-english-words-after-a-colon",
    ),
    pytest.param(
        ["Le chancelier allemand, Klaus Richter, a tranché : „Wir schaffen das nicht allein.“"],
        [("Klaus Richter", "chancelier allemand", "full")],
        id="foreign-german-marks",
    ),
    pytest.param(
        ["La ministre Anne Roux a dénoncé «une faute grave» et «un mépris des usagers»."],
        [("Anne Roux", "ministre", "fragment"), ("Anne Roux", "ministre", "fragment")],
        id="politics-coordinated-fragments",
    ),
    pytest.param(
        [
            "A Kiev, la porte-parole du ministère des Affaires étrangères, Olena Kravets, a "
            "dénoncé des frappes. Selon elle, «au moins douze civils ont été tués»."
        ],
        [
            (
                "Olena Kravets",
                "porte-parole du ministère des Affaires étrangères",
                "fragment",
            )
        ],
        id="foreign-a-role-with-a-lowercase-adjective-after-a-capital",
    ),
    pytest.param(
        [
            "Le metteur en scène Arnaud Pellerin monte Tchekhov avec l’actrice Inès Vallet.",
            "Il a choisi de tout transposer en Bretagne. «Tchekhov parle de nous», sourit-il.",
        ],
        [("Arnaud Pellerin", "metteur en scène", "full")],
        id="culture-il-is-the-subject-not-the-partner",
    ),
    pytest.param(
        [
            "Le metteur en scène Arnaud Pellerin monte Tchekhov avec l’actrice Inès Vallet.",
            "«C’est le rôle de ma vie», confie-t-elle.",
        ],
        [("Inès Vallet", "actrice", "full")],
        id="culture-elle-is-the-only-woman",
    ),
    pytest.param(
        [
            "«On a manqué de tout», a reconnu Karim Benali, capitaine du FC Sochaux, après la "
            "défaite."
        ],
        [("Karim Benali", "capitaine du FC Sochaux", "full")],
        id="sport-role-after-the-name-then-a-time",
    ),
    pytest.param(
        [
            "Les parents d’élèves ont manifesté devant la mairie. «On ne lâchera rien», "
            "affirment-ils."
        ],
        [(None, "parents d’élèves", "full")],
        id="education-ils-is-a-group",
    ),
    pytest.param(
        [
            "Le chef d’orchestre Lionel Bergé dirige samedi la Neuvième de Beethoven.",
            "«Pourquoi cette œuvre ?» «Parce qu’elle parle de fraternité», répond le chef.",
        ],
        [(None, "", "full"), ("Lionel Bergé", "chef d’orchestre", "full")],
        id="culture-interview-a-question-is-not-by-whoever-answers-it",
    ),
    pytest.param(
        [
            "«Que faire ?», s’interroge Paul Vidal, maraîcher. «Rien», lui répond son voisin.",
        ],
        [("Paul Vidal", "maraîcher", "full"), (None, "voisin", "full")],
        id="local-a-question-someone-asks-themself-keeps-its-speaker",
    ),
    pytest.param(
        [
            "Nous avons rencontré la navigatrice Solène Guillou à Lorient.",
            "«Avez-vous eu peur ?», lui demande-t-on. «Jamais», répond-elle.",
        ],
        [(None, "", "full"), ("Solène Guillou", "navigatrice", "full")],
        id="sport-interview-the-journalist-asks-she-answers",
    ),
    pytest.param(
        [
            "Le PDG de Valmetal, Henri Lacombe, a annoncé la fermeture de l’usine de Fumel. "
            "«Nous n’avions pas le choix», a-t-il précisé."
        ],
        [("Henri Lacombe", "PDG de Valmetal", "full")],
        id="business-a-t-il-precise",
    ),
    pytest.param(
        [
            "La ministre de la Santé, Agnès Morel, a visité l’hôpital de Dax.",
            "Elle a longuement échangé avec le docteur Pierre Lassalle, chef des urgences.",
            "«Les soignants sont épuisés», a-t-elle reconnu.",
        ],
        [("Agnès Morel", "ministre de la Santé", "full")],
        id="health-elle-past-a-man-met-in-between",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), WHO_SPEAKS)
def test_who_speaks_in_invented_paragraphs(paragraphs, expected):
    """Speaker, role and kind of every quotation, in order."""
    found = suggest(*paragraphs)

    assert [(s["speaker"], s["role"], s["kind"]) for s in found] == expected
