import LAERFormats
import LAERValues

extension ReportFormat {
    /// The formats a questionnaire is printed in.
    package static let questionnaireFormats: [ReportFormat] = [.text, .markdown, .json]

    /// The questionnaire printed in this format: json is the document itself, as it was loaded
    /// (without a byte order mark, ended by a line break); nil for a format with no printout.
    package func questionnairePrintout(_ questionnaire: Questionnaire, document: [UInt8], style: any TextStyle) -> String? {
        switch self {
        case .text: return QuestionnaireTextRenderer(style: style).render(questionnaire)
        case .markdown: return QuestionnaireMarkdownRenderer().render(questionnaire)
        case .json:
            let text = Self.escapingControls(String(decoding: document[UTF8Bytes.textStart(of: document)...], as: UTF8.self))
            return text.hasSuffix("\n") ? text : text + "\n"
        case .html, .csv: return nil
        }
    }

    /// A JSON document with its control characters from DEL up (`SafeText`) written as `\uXXXX`:
    /// the same document, none of them raw. (Those below U+0020 stand only as white space
    /// between values in a valid document, and escaped within its strings already.)
    static func escapingControls(_ json: String) -> String {
        guard !SafeText.isClean(json, keepingLineFeeds: true) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard scalar.value >= 0x7F, SafeText.isControl(scalar) else {
                result.append(scalar)
                continue
            }
            let hex = NumberFormat.padded(String(scalar.value, radix: 16, uppercase: true), width: 4)
            result.append(contentsOf: ("\\u" + hex).unicodeScalars)
        }
        return String(result)
    }
}
