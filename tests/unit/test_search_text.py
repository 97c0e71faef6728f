from app.domain.search_text import fts_query, initials_tokens, name_tokens, pinyin_forms


def test_names_are_one_token_per_chinese_character():
    assert name_tokens("可口可乐 330ml罐装") == "可 口 可 乐 330ml 罐 装"


def test_pinyin_initials_and_full_pinyin():
    assert pinyin_forms("可口可乐") == ("kekoukele", "kkkl")
    assert "kkkl330mlgz" in initials_tokens("可口可乐 330ml罐装").split()


def test_queries_escape_everything_but_letters_and_digits():
    assert fts_query('"; DROP TABLE product; --') is not None
    assert fts_query('kk"kl') == '(name_tokens : "kk kl")'
    assert fts_query("   ") is None
    assert fts_query("***") is None
    assert fts_query("可乐") == '(name_tokens : "可 乐")'
