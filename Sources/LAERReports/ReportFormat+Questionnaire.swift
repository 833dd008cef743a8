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
            let text = String(decoding: document[UTF8Bytes.textStart(of: document)...], as: UTF8.self)
            return text.hasSuffix("\n") ? text : text + "\n"
        case .html, .csv: return nil
        }
    }
}
