import LAERTestSupport
import Testing

@testable import LAERReports

@Suite struct MarkdownEscapeTests {
    @Test(arguments: [
        ("<script>alert(\"x\")</script>", #"\<script\>alert("x")\</script\>"#),
        ("[click me](http://evil.example)", #"\[click me\](http://evil.example)"#),
        ("![img](x.png)", #"!\[img\](x.png)"#),
        ("# Not a heading", ##"\# Not a heading"##),
        ("**bold** and _em_ and `code`", #"\*\*bold\*\* and \_em\_ and \`code\`"#),
        ("a | b | c", #"a \| b \| c"#),
        (#"C:\path\*"#, #"C:\\path\\\*"#),
        ("Acme\n# Injected heading\r\n| x |", ##"Acme \# Injected heading \| x \|"##),
        // An entity reference would render as the character it names, ~~ strikes through.
        ("&lt;b&gt; ~~x~~ O'Brien & Co", #"\&lt;b\&gt; \~\~x\~\~ O'Brien \& Co"#),
        ("[x](javascript:alert(1))", #"\[x\](javascript:alert(1))"#),
        // Control characters in their escape notation, whose backslash Markdown shows as it is.
        ("a\u{1B}[2J\u{202E}b\u{2028}c", #"a\\u{1B}\[2J\\u{202E}b c"#),
    ])
    func escapesWhatWouldBecomeMarkup(input: String, expected: String) {
        #expect(Markdown.escape(input) == expected)
    }

    @Test func leavesOtherTextAlone() {
        #expect(Markdown.escape("Zoë Müller — CRO, 50% ✓ (O'Brien)") == "Zoë Müller — CRO, 50% ✓ (O'Brien)")
        #expect(Markdown.escape("") == "")
    }

    /// Escaped text in a table cell stays in its cell: no raw `|` splits it, no line break ends the row.
    @Test func anEscapedCellKeepsTheTableShape() {
        let table = Markdown.table(["Name", "Role"], [[Markdown.escape("A | B\nC"), Markdown.escape("<b>x</b>")]])
        #expect(table == "| Name | Role |\n| --- | --- |\n| A \\| B C | \\<b\\>x\\</b\\> |\n")
        let body = table.split(separator: "\n")[2]
        #expect(body.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 3)
    }
}
