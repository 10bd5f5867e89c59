#!/usr/bin/env python3
"""Regenerates generator/Runtime/IdnaTables.cs and RegexPropertyNames.cs from the Unicode Character Database.

Usage: python3 generate_unicode_tables.py [UCD folder, default /usr/share/unicode]
(Debian/Ubuntu: apt-get install unicode-data). The IDNA2008 derived property is computed with the
algorithm of RFC 5892 section 3 from the UCD properties it names; the other IDNA tables are the UCD
properties the contextual rules (RFC 5892 Appendix A), the Bidi rule (RFC 5893 section 2) and the NFC
check read. The regex names are the property names and values ECMA-262 allows in \\p{...}.
"""
import os
import re
import sys

UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
RUNTIME = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX = 0x110000


def lines(name):
    with open(os.path.join(UCD, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [field.strip() for field in line.split(";")]


def code_range(text):
    first, _, last = text.partition("..")
    return int(first, 16), int(last or first, 16)


def property_values(name, wanted=None):
    """Code point -> value for a UCD file of 'range ; value' lines."""
    values = {}
    for fields in lines(name):
        if wanted is not None and fields[1] not in wanted:
            continue
        first, last = code_range(fields[0])
        for cp in range(first, last + 1):
            values[cp] = fields[1]
    return values


def version():
    with open(os.path.join(UCD, "DerivedCoreProperties.txt"), encoding="utf-8") as f:
        return re.search(r"(\d+\.\d+\.\d+)", f.readline()).group(1)


def general_categories():
    gc = ["Cn"] * MAX
    pending = None
    for fields in lines("UnicodeData.txt"):
        cp = int(fields[0], 16)
        if fields[1].endswith(", First>"):
            pending = cp
            continue
        first = pending if fields[1].endswith(", Last>") else cp
        pending = None
        for c in range(first, cp + 1):
            gc[c] = fields[2]
    return gc


# RFC 5892 values, as the runtime tables number them.
DISALLOWED, PVALID, CONTEXTJ, CONTEXTO = 0, 1, 2, 3

EXCEPTIONS = {  # RFC 5892 section 2.6
    0x00DF: PVALID, 0x03C2: PVALID, 0x06FD: PVALID, 0x06FE: PVALID, 0x0F0B: PVALID, 0x3007: PVALID,
    0x00B7: CONTEXTO, 0x0375: CONTEXTO, 0x05F3: CONTEXTO, 0x05F4: CONTEXTO, 0x30FB: CONTEXTO,
    0x0640: DISALLOWED, 0x07FA: DISALLOWED, 0x302E: DISALLOWED, 0x302F: DISALLOWED, 0x303B: DISALLOWED,
}
EXCEPTIONS.update({cp: CONTEXTO for cp in range(0x0660, 0x066A)})
EXCEPTIONS.update({cp: CONTEXTO for cp in range(0x06F0, 0x06FA)})
EXCEPTIONS.update({cp: DISALLOWED for cp in range(0x3031, 0x3036)})


def derived_property(gc):
    """RFC 5892 section 3 (UNASSIGNED folded into DISALLOWED: neither is valid in a label)."""
    props = property_values("PropList.txt", {"White_Space", "Noncharacter_Code_Point", "Join_Control"})
    ignorable = property_values("DerivedCoreProperties.txt", {"Default_Ignorable_Code_Point"})
    unstable = property_values("DerivedNormalizationProps.txt", {"Changes_When_NFKC_Casefolded"})
    jamo = property_values("HangulSyllableType.txt", {"L", "V", "T"})
    blocks = property_values("Blocks.txt", {"Combining Diacritical Marks for Symbols", "Musical Symbols", "Ancient Greek Musical Notation"})
    result = [DISALLOWED] * MAX
    for cp in range(MAX):
        if cp in EXCEPTIONS:  # 2.6
            result[cp] = EXCEPTIONS[cp]
        elif gc[cp] == "Cn" and props.get(cp) != "Noncharacter_Code_Point":  # 2.10 Unassigned
            result[cp] = DISALLOWED
        elif cp == 0x2D or 0x30 <= cp <= 0x39 or 0x61 <= cp <= 0x7A:  # 2.5 LDH
            result[cp] = PVALID
        elif props.get(cp) == "Join_Control":  # 2.8
            result[cp] = CONTEXTJ
        elif cp in unstable or cp in ignorable or props.get(cp) in ("White_Space", "Noncharacter_Code_Point") or cp in blocks or cp in jamo:
            result[cp] = DISALLOWED  # 2.2 Unstable, 2.3 IgnorableProperties, 2.4 IgnorableBlocks, 2.9 OldHangulJamo
        elif gc[cp] in ("Ll", "Lu", "Lo", "Nd", "Lm", "Mn", "Mc"):  # 2.1 LetterDigits
            result[cp] = PVALID
    return result


def table(values_by_cp, mapping):
    """Range starts and values covering every code point (value 0 where unmapped)."""
    starts, values = [], []
    previous = None
    for cp in range(MAX):
        value = mapping.get(values_by_cp.get(cp) if isinstance(values_by_cp, dict) else values_by_cp[cp], 0)
        if value != previous:
            starts.append(cp)
            values.append(value)
            previous = value
    return starts, values


def emit(name, doc, starts, values):
    out = [f"    /// <summary>{doc}</summary>"]
    out.append(f"    private static global::System.ReadOnlySpan<int> {name}Starts => new int[]")
    out.append("    {")
    for i in range(0, len(starts), 12):
        out.append("        " + ", ".join(f"0x{s:X}" for s in starts[i:i + 12]) + ",")
    out.append("    };")
    out.append("")
    out.append(f"    private static global::System.ReadOnlySpan<byte> {name}Values => new byte[]")
    out.append("    {")
    for i in range(0, len(values), 40):
        out.append("        " + ", ".join(str(v) for v in values[i:i + 40]) + ",")
    out.append("    };")
    out.append("")
    return out


def composition_pairs():
    """(first, second) of every primary composite: a two-code-point canonical decomposition not excluded from composition."""
    excluded = property_values("DerivedNormalizationProps.txt", {"Full_Composition_Exclusion"})
    pairs = []
    for fields in lines("UnicodeData.txt"):
        cp, decomposition = int(fields[0], 16), fields[5]
        if decomposition and not decomposition.startswith("<") and cp not in excluded:
            parts = [int(x, 16) for x in decomposition.split()]
            if len(parts) == 2:
                pairs.append((parts[0] << 21) | parts[1])
    return sorted(pairs)


def emit_keys(name, doc, keys):
    out = [f"    /// <summary>{doc}</summary>", f"    private static global::System.ReadOnlySpan<long> {name} => new long[]", "    {"]
    for i in range(0, len(keys), 8):
        out.append("        " + ", ".join(f"0x{k:X}" for k in keys[i:i + 8]) + ",")
    out += ["    };", ""]
    return out


# ECMA-262 section 22.2.2.9, table "Binary Unicode property aliases" (names and short names).
BINARY_PROPERTIES = """ASCII ASCII_Hex_Digit AHex Alphabetic Alpha Any Assigned Bidi_Control Bidi_C Bidi_Mirrored Bidi_M
Case_Ignorable CI Cased Changes_When_Casefolded CWCF Changes_When_Casemapped CWCM Changes_When_Lowercased CWL
Changes_When_NFKC_Casefolded CWKCF Changes_When_Titlecased CWT Changes_When_Uppercased CWU Dash
Default_Ignorable_Code_Point DI Deprecated Dep Diacritic Dia Emoji Emoji_Component EComp Emoji_Modifier EMod
Emoji_Modifier_Base EBase Emoji_Presentation EPres Extended_Pictographic ExtPict Extender Ext Grapheme_Base Gr_Base
Grapheme_Extend Gr_Ext Hex_Digit Hex IDS_Binary_Operator IDSB IDS_Trinary_Operator IDST ID_Continue IDC ID_Start IDS
Ideographic Ideo Join_Control Join_C Logical_Order_Exception LOE Lowercase Lower Math Noncharacter_Code_Point NChar
Pattern_Syntax Pat_Syn Pattern_White_Space Pat_WS Quotation_Mark QMark Radical Regional_Indicator RI
Sentence_Terminal STerm Soft_Dotted SD Terminal_Punctuation Term Unified_Ideograph UIdeo Uppercase Upper
Variation_Selector VS White_Space space XID_Continue XIDC XID_Start XIDS""".split()


def property_value_aliases(prop):
    names = set()
    for fields in lines("PropertyValueAliases.txt"):
        if fields[0] == prop:
            names.update(fields[1:])
    return sorted(names, key=lambda n: n.encode())


def emit_names(name, doc, names):
    out = [f"    /// <summary>{doc}</summary>", f"    private static readonly string[] {name} =", "    {"]
    row = "       "
    for n in names:
        if len(row) + len(n) + 4 > 118:
            out.append(row)
            row = "       "
        row += f' "{n}",'
    out += [row, "    };", ""]
    return out


def file_header(summary, declaration):
    return [
        "// <auto-generated/>",
        f"// Generated by generator/Runtime/Tables/generate_unicode_tables.py from the Unicode Character Database {version()}.",
        "// Do not edit: rerun the script against a newer UCD to update.",
        "#nullable enable",
        "namespace WooshPay.Contracts.Runtime;",
        "",
        f"/// <summary>{summary}</summary>",
        declaration,
        "{",
    ]


def regex_property_names():
    out = file_header("The names ECMA-262 section 22.2.2.9 allows in a property escape, sorted ordinally for binary search.",
                      "internal sealed partial class EcmaRegexSyntax")
    out += emit_names("BinaryPropertyNames", "Binary properties (ECMA-262 table \"Binary Unicode property aliases\"), valid alone.",
                      sorted(BINARY_PROPERTIES, key=lambda n: n.encode()))
    out += emit_names("GeneralCategoryValues", "General_Category values and aliases (PropertyValueAliases.txt), valid alone or after gc= / General_Category=.",
                      property_value_aliases("gc"))
    out += emit_names("ScriptValues", "Script values and aliases (PropertyValueAliases.txt), after sc=, Script=, scx= or Script_Extensions=.",
                      property_value_aliases("sc"))
    out[-1] = "}"
    return "\n".join(out) + "\n"


def main():
    gc = general_categories()
    derived = derived_property(gc)
    identity = {v: v for v in range(4)}
    joining = property_values("extracted/DerivedJoiningType.txt")
    scripts = property_values("Scripts.txt", {"Greek", "Hebrew", "Hiragana", "Katakana", "Han"})
    bidi = property_values("extracted/DerivedBidiClass.txt")

    out = file_header(f"Unicode {version()} data the IDNA2008 rules read, as range tables (each start's value holds up to the next start).",
                      "internal static partial class Idna")
    out += emit("DerivedProperty", "RFC 5892 derived property: 0 DISALLOWED or UNASSIGNED, 1 PVALID, 2 CONTEXTJ, 3 CONTEXTO.",
                *table(derived, identity))
    out += emit("JoiningType", "Joining_Type (DerivedJoiningType.txt): 0 other, 1 L, 2 D, 3 R, 4 T.",
                *table(joining, {"L": 1, "D": 2, "R": 3, "T": 4}))
    out += emit("Script", "Script (Scripts.txt), only those RFC 5892 Appendix A names: 0 other, 1 Greek, 2 Hebrew, 3 Hiragana, 4 Katakana, 5 Han.",
                *table(scripts, {"Greek": 1, "Hebrew": 2, "Hiragana": 3, "Katakana": 4, "Han": 5}))
    out += emit("BidiClass", "Bidi_Class (DerivedBidiClass.txt): 0 other, 1 L, 2 R, 3 AL, 4 AN, 5 EN, 6 ES, 7 CS, 8 ET, 9 ON, 10 BN, 11 NSM.",
                *table(bidi, {"L": 1, "R": 2, "AL": 3, "AN": 4, "EN": 5, "ES": 6, "CS": 7, "ET": 8, "ON": 9, "BN": 10, "NSM": 11}))
    out += emit("Mark", "General_Category M (Mn, Mc, Me), from UnicodeData.txt: 1 where it is (RFC 5891 section 4.2.3.2).",
                *table({cp: 1 for cp in range(MAX) if gc[cp] in ("Mn", "Mc", "Me")}, {1: 1}))
    out += emit("CombiningClass", "Canonical_Combining_Class (DerivedCombiningClass.txt), for the virama of RFC 5892 Appendix A.1-A.2 (class 9) and the NFC check (RFC 5891 section 5.3).",
                *table({cp: int(v) for cp, v in property_values("extracted/DerivedCombiningClass.txt").items()}, {v: v for v in range(256)}))
    out += emit_keys("CompositionPairs", "Primary composites as first &lt;&lt; 21 | second, sorted: a pair listed here is not in NFC.", composition_pairs())
    out[-1] = "}"
    with open(os.path.join(RUNTIME, "IdnaTables.cs"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    with open(os.path.join(RUNTIME, "RegexPropertyNames.cs"), "w", encoding="utf-8", newline="\n") as f:
        f.write(regex_property_names())


if __name__ == "__main__":
    main()
