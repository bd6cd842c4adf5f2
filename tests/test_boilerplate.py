"""Single-document boilerplate rules (BP001-BP006) on invented articles with planted furniture."""

from __future__ import annotations

from pathlib import Path

from scrapelint.config import Config, SiteConfig
from scrapelint.diagnostics import Diagnostic
from scrapelint.document import Document
from scrapelint.linter import Linter

TITLE = "Harbour dredging plan approved before winter storms"
BODY = [
    "The harbour authority approved a plan on Monday to dredge the eastern channel before "
    "the winter storms arrive, ending a dispute that had lasted for most of the year.",
    "Fishing crews have complained for years that silt makes the entrance dangerous at low "
    "tide, and two boats ran aground there last spring in front of the lifeboat station.",
    "The work will cost about four million euros and should take eleven weeks, the authority "
    "said in a statement that was published on its website on Monday evening.",
    "Local shop owners expect a quieter season while the dredgers operate, but most of them "
    "said that they supported the project and hoped it would bring more visitors.",
]


def lint(
    codes: str | tuple[str, ...],
    text: str,
    *,
    title: str | None = TITLE,
    url: str | None = None,
    config: Config | None = None,
) -> list[Diagnostic]:
    select = (codes,) if isinstance(codes, str) else codes
    cfg = config or Config(select=select)
    return Linter(cfg).check(Document(text, title=title, url=url))


def flagged(diagnostics: list[Diagnostic], text: str) -> list[str]:
    return [text[d.start : d.end] for d in diagnostics]


def article(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def fixed(code: str, text: str, unsafe: bool = False) -> str:
    linter = Linter(Config(select=(code,)))
    return linter.fix(Document(text, title=TITLE), unsafe=unsafe).text


# -- BP001 boilerplate-phrase -------------------------------------------------


def test_phrase_lines_above_and_below_the_body_are_flagged_and_safely_removed() -> None:
    text = article("Skip to content", *BODY, "Share this article", "Latest News")
    found = lint("BP001", text)
    assert flagged(found, text) == ["Skip to content", "Share this article", "Latest News"]
    assert all(d.fix is not None and d.fix.is_safe for d in found)
    assert fixed("BP001", text) == article(*BODY).rstrip("\n")


def test_phrase_inside_the_body_has_an_unsafe_fix_and_spans_only_the_line() -> None:
    text = article(BODY[0], BODY[1], "Advertisement", BODY[2], BODY[3])
    (d,) = lint("BP001", text)
    assert text[d.start : d.end] == "Advertisement"
    assert d.fix is not None and not d.fix.is_safe
    assert fixed("BP001", text) == text  # not applied without --unsafe-fixes
    assert "Advertisement" not in fixed("BP001", text, unsafe=True)


def test_article_sentences_using_catalogue_words_are_not_flagged() -> None:
    text = article(
        BODY[0],
        "Residents can read more about the plan at the town hall, where the maps are on display.",
        "Crews will watch the weather closely and share updates with the harbour master.",
        "Related works on the western pier are expected to follow next year.",
        BODY[1],
        "The mayor said the decision was reported by Reuters before the council met.",
        BODY[2],
    )
    assert lint("BP001", text) == []


def test_non_english_text_is_left_to_user_packs() -> None:
    text = article(
        "A prefeitura aprovou na segunda-feira o plano de dragagem do canal leste antes das "
        "tempestades de inverno, encerrando uma disputa que durou quase todo o ano.",
        "Os pescadores reclamam há anos que o lodo torna a entrada perigosa na maré baixa.",
        "Latest News",
    )
    assert lint("BP001", text, title=None) == []


def test_user_pack_globally_and_per_site(tmp_path: Path) -> None:
    pack = tmp_path / "gazette.yaml"
    pack.write_text(
        "groups:\n  - scope: whole-line\n    phrases: ['From the Quayside Desk']\n",
        encoding="utf-8",
    )
    text = article(*BODY, "From the Quayside Desk")
    everywhere = Config(select=("BP001",), phrase_packs=(str(pack),))
    assert flagged(lint("BP001", text, config=everywhere), text) == ["From the Quayside Desk"]
    per_site = Config(select=("BP001",), sites=(SiteConfig("gazette.example", (str(pack),)),))
    on_site = lint("BP001", text, url="https://news.gazette.example/a/1", config=per_site)
    assert flagged(on_site, text) == ["From the Quayside Desk"]
    other_site = lint("BP001", text, url="https://other.example/a/1", config=per_site)
    assert other_site == []


# -- BP002 link-list ------------------------------------------------------------


def test_related_headlines_below_the_body_form_one_block() -> None:
    text = article(
        *BODY,
        "Ferry Operators Warn Of Delays Over Christmas",
        "New Lifeboat Station Opens On The North Shore",
        "Council Votes To Repair The Old Lighthouse",
    )
    (d,) = lint("BP002", text)
    assert text[d.start : d.end].splitlines() == [
        "Ferry Operators Warn Of Delays Over Christmas",
        "New Lifeboat Station Opens On The North Shore",
        "Council Votes To Repair The Old Lighthouse",
    ]
    assert d.fix is not None and d.fix.is_safe
    assert "3 short lines" in d.message


def test_subheadings_inside_the_body_are_not_flagged() -> None:
    text = article(
        BODY[0],
        "What The Crews Say",
        BODY[1],
        "Cost And Timetable",
        BODY[2],
        BODY[3],
    )
    assert lint("BP002", text) == []


def test_list_items_and_short_quotes_inside_the_body_are_not_flagged() -> None:
    text = article(
        BODY[0],
        "The plan covers:",
        "- Dredging The Eastern Channel",
        "- Moving The Mooring Buoys",
        "- Rebuilding The Slipway Ramp",
        "- Lighting The Harbour Entrance",
        BODY[1],
        "“Finally”",
        BODY[2],
        BODY[3],
    )
    assert lint("BP002", text) == []


def test_dateline_and_repeated_headline_at_the_top_are_not_menus() -> None:
    text = article(TITLE, "KILRUSH, Ireland —", "KILRUSH (AP) —", *BODY)
    assert lint("BP002", text) == []


def test_menu_above_the_body_is_flagged() -> None:
    text = article("News", "Sport", "Weather", "Local Elections", *BODY)
    (d,) = lint("BP002", text)
    assert text[d.start : d.end].splitlines() == ["News", "Sport", "Weather", "Local Elections"]


# -- BP003 metadata-line ----------------------------------------------------------


def test_dates_bylines_and_counters_are_flagged() -> None:
    text = article(
        "By Maeve Cassidy | Updated Nov 19, 2019, 8:15 pm GMT",
        "Published 3 hours ago",
        *BODY,
        "12K views",
        "Nov. 20, 2019",
    )
    found = flagged(lint("BP003", text), text)
    assert found == [
        "By Maeve Cassidy | Updated Nov 19, 2019, 8:15 pm GMT",
        "Published 3 hours ago",
        "12K views",
        "Nov. 20, 2019",
    ]


def test_sentences_with_dates_tweets_and_timelines_are_not_metadata() -> None:
    text = article(
        BODY[0],
        "The council met on Tuesday, Nov. 19, 2019, to vote on the plan.",
        "— Harbour Watch (@harbourwatch) November 18, 2019",
        BODY[1],
        "March 3, 2019",
        "The first survey of the channel found heavy silt.",
        "June 9, 2019",
        "A second survey confirmed the first one.",
        "October 1, 2019",
        "The council asked for a dredging plan.",
        BODY[2],
        "By The Quay",
        BODY[3],
    )
    assert lint("BP003", text) == []


# -- BP004 caption-line -----------------------------------------------------------


def test_captions_are_flagged_and_ordinary_sentences_are_not() -> None:
    caption = "Harbour master Aoife Byrne, left, speaks with fishermen at the quay on Monday."
    file_photo = "FILE PHOTO: A dredger works in the eastern channel in Kilrush, Ireland."
    text = article(
        BODY[0],
        caption,
        BODY[1],
        file_photo,
        "Settlements are seen as one of the hardest issues, the minister said.",
        "Senator Jane Roe (R) voted against the plan in the committee.",
        "The minister offered firm backing in deadlocked trade talks with the union, state "
        "media reported on Thursday.",
        BODY[2],
        BODY[3],
    )
    assert flagged(lint("BP004", text), text) == [caption, file_photo]


def test_action_caption_with_a_verb_joined_by_an_apostrophe_is_still_found() -> None:
    # "’" joins "Smith" and "speaks" into one phrase word, yet the cue reads "speaks" alone
    caption = "Jane Smith’speaks at the launch of the new map in Kilrush on Tuesday, Nov. 19, 2019."
    text = article(BODY[0], BODY[1], caption, BODY[2], BODY[3])
    found = lint("BP004", text)
    assert flagged(found, text) == [caption]
    assert "present-tense action" in found[0].message


# -- BP006 glued-boilerplate --------------------------------------------------------


def test_glued_label_credit_and_byline_are_split_off_safely() -> None:
    text = article(
        "Dredging plan approved for the harbourby Maeve Cassidy",
        "Latest NewsThe harbour authority approved the plan on Monday.",
        *BODY,
        "A grey seal watched the dredger from a rockCredit: Harbour Photo Desk",
    )
    found = lint("BP006", text)
    assert flagged(found, text) == [
        "by Maeve Cassidy",
        "Latest News",
        "Credit: Harbour Photo Desk",
    ]
    assert all(d.fix is not None and d.fix.is_safe for d in found)
    out = fixed("BP006", text)
    assert "Latest NewsThe" not in out and "The harbour authority approved the plan" in out
    assert "rockCredit" not in out and out.count("Maeve Cassidy") == 0


def test_real_words_ending_in_by_and_camel_case_names_are_not_glued() -> None:
    text = article(
        "The crews moved to nearby Kilrush Harbour",
        "HomeKit sensors now watch the harbour gates.",
        *BODY,
    )
    assert lint("BP006", text) == []


# -- the family together ------------------------------------------------------------


def test_clean_article_with_traps_has_no_boilerplate() -> None:
    text = article(
        TITLE,
        "KILRUSH, Ireland (AP) — " + BODY[0],
        "Why It Matters",
        BODY[1],
        "“It is about time,” said one skipper.",
        BODY[2],
        "What Happens Next",
        BODY[3],
    )
    codes = ("BP001", "BP002", "BP003", "BP004", "BP006")
    assert lint(codes, text) == []


# -- BP005 low-stopword-line (off by default) ---------------------------------------


def test_low_stopword_menu_below_the_body_when_enabled() -> None:
    menu = "Politics World Business Tech Science Health"
    text = article(*BODY, menu)
    assert flagged(lint("BP005", text), text) == [menu]
    # prose lines and the body itself are never low in function words
    assert lint("BP005", article(*BODY)) == []


def test_low_stopword_rule_is_off_by_default() -> None:
    text = article(*BODY, "Politics World Business Tech Science Health")
    assert [d for d in Linter(Config()).check(Document(text)) if d.rule == "BP005"] == []


def test_other_languages_get_position_cues_above_the_body_only() -> None:
    body = [
        "A prefeitura aprovou na segunda-feira o plano de dragagem do canal leste antes das "
        "tempestades de inverno, encerrando uma disputa que durou quase todo o ano passado.",
        "Os pescadores reclamam há anos que o lodo torna a entrada perigosa na maré baixa, e "
        "dois barcos encalharam ali na primavera passada diante da estação de salvamento.",
    ]
    text = article(
        "Prefeitura aprova dragagem do porto",
        "Início",
        "Notícias",
        "Esportes",
        *body,
        "Leia também",
        "Outra notícia sobre o porto",
    )
    found = flagged(lint("BP002", text, title=None), text)
    assert found == ["Início\nNotícias\nEsportes"]


def test_numeric_timestamps_in_other_languages() -> None:
    body = (
        "A prefeitura aprovou na segunda-feira o plano de dragagem do canal leste antes das "
        "tempestades de inverno, encerrando uma disputa que durou quase todo o ano passado."
    )
    text = article("Publicado em 22/01/2018 às 10:13", body, body)
    assert flagged(lint("BP003", text, title=None), text) == ["Publicado em 22/01/2018 às 10:13"]
    # a sentence with a date in the body is not a timestamp line
    dated = "A obra começa em 22/01/2018, segundo a prefeitura, e deve durar onze semanas."
    assert lint("BP003", article(body, dated, body), title=None) == []


def test_language_neutral_credits_on_other_languages() -> None:
    body = (
        "A prefeitura aprovou na segunda-feira o plano de dragagem do canal leste antes das "
        "tempestades de inverno, encerrando uma disputa que durou quase todo o ano passado."
    )
    text = article(body, "Foto: João Silva / Reuters", body, "© 2018 Jornal do Porto")
    found = flagged(lint("BP001", text, title=None), text)
    assert found == ["Foto: João Silva / Reuters", "© 2018 Jornal do Porto"]


# -- the fast paths must agree with the plain definitions they replace ----------------------


def test_phrase_words_are_the_words_of_the_normalised_phrase() -> None:
    from scrapelint.phrasepack import normalize_phrase, phrase_words

    lines = [
        "Read more: The Harbour’s new DREDGER (photo) — 12 comments",
        "Straße café naïve İstanbul ǅemal ﬁnal K-9",
        "snake_case__and   tabs\tand\x1cfile separators",
        "٣ Arabic-Indic digits, ² superscripts, Ⅻ roman",
        "don't won’t 'quoted' ‘single’",
        "",
        "—…•",
    ]
    for line in lines:
        words = [w.decode() for w in phrase_words(line)]
        assert words == normalize_phrase(line).split(), line


def test_anywhere_phrases_keep_catalogue_order_with_anchor_lookup(tmp_path: Path) -> None:
    from scrapelint.phrasepack import PhraseMatcher, load_pack

    pack = tmp_path / "order.yaml"
    pack.write_text(
        "groups:\n"
        "  - name: first\n"
        "    scope: anywhere\n"
        "    phrases: ['zebra crossing tonight', 'apple harvest festival']\n",
        encoding="utf-8",
    )
    matcher = PhraseMatcher([load_pack(pack)])
    # both phrases occur: the one whose first word sorts first wins, as in a scan by first word
    found = matcher.match("the apple harvest festival and the zebra crossing tonight")
    assert found is not None and found.pattern.source == "apple harvest festival"
    words = matcher.match("a zebra crossing tonight", words=4)
    assert words is not None and words.pattern.source == "zebra crossing tonight"


def test_line_features_match_their_definitions() -> None:
    from scrapelint_rules.boilerplate.layout import layout

    text = "  “Quoted” start, (bracket) and 3 words_x _ --\nWASHINGTON (AP) —\n\na) item\nB."
    lay = layout(Document(text))
    first = lay.lines[0]
    assert first.text == text.split("\n")[0].strip() and first.start == 2
    # words: white-space tokens holding a letter, digit or "_"; "--" is not one
    assert first.words == 7
    # first characters Q s b a 3 w _: one capital, five letters
    assert first.capitalised == 1 and first.letters_words == 5
    assert not first.terminal and lay.lines[2].list_item and lay.lines[3].terminal


def test_english_test_and_core_match_their_definitions() -> None:
    from scrapelint_rules.boilerplate.layout import CORE_MIN_WORDS, layout, stopword_count

    long_names = " ".join(["Kilrush Quay Harbour Board Dredger"] * 12)  # no stopwords
    texts = [
        "Harbour cranes the quay",  # one stopword in four words: exactly the threshold
        "Harbour cranes the quay docks",  # one in five: below it
        article("Kilrush", "Quay", "Harbour", *BODY, "Tide Tables", "Contact"),
        article(long_names + " and the end of it.", "the of and", "Harbour Board"),
        article("Hafen Kran Kai Bagger", "Der Hafen wurde am Montag wieder geöffnet.", *BODY[:1]),
        "",
    ]
    for text in texts:
        lay = layout(Document(text))
        words = sum(info.words for info in lay.lines)
        stops = sum(stopword_count(info.text, info.words) for info in lay.lines)
        assert lay.english == (words > 0 and stops / words >= 0.25), text
        body = [
            pos
            for pos, info in enumerate(lay.lines)
            if info.words >= CORE_MIN_WORDS
            and info.terminal
            and info.cap_share < 0.6
            and (not lay.english or info.stop_share >= (0.18 if info.words < 36 else 0.09))
        ]
        assert (lay.core_first, lay.core_last) == ((body[0], body[-1]) if body else (-1, -1))
    assert layout(Document(texts[0])).english and not layout(Document(texts[1])).english
    # a long line's stopwords are estimated from its head: here, none
    assert layout(Document(texts[3])).lines[0].stopwords == 0


def test_line_features_count_tokens_as_their_first_word_characters() -> None:
    # ASCII lines (and English ones once their curly quotes and dashes are dropped) are
    # counted from a byte translation: it must agree with finding each white-space token's
    # first word character
    import random
    import re

    from scrapelint_rules.boilerplate.layout import line_infos

    first_word_char = re.compile(r"(?<!\S)[^\w\s]*(\w)\S*")
    rng = random.Random(5)
    alphabet = "aZ9_ .,'\"(-“”’—…\t\x1céÉ"
    lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60))) for _ in range(3000)]
    lines = [line for line in lines if line.strip()]
    doc = Document("\n".join(lines))
    infos = line_infos(doc)
    assert [info.text for info in infos] == [line.strip() for line in lines]
    for info in infos:
        firsts = first_word_char.findall(info.text)
        assert info.words == len(firsts), info.text
        assert info.letters_words == sum(map(str.isalpha, firsts)), info.text
        assert info.capitalised == sum(map(str.isupper, firsts)), info.text
