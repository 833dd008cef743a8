import LAERValues

/// Renders one subject (a score result now; a diff or a trend next) in one format.
///
/// Renderers are pure: the subject and its questionnaire in, text out.
package protocol ReportRenderer<Subject>: Sendable {
    associatedtype Subject

    func render(_ subject: Subject, questionnaire: Questionnaire) -> String
    /// The report as UTF-8 bytes; a renderer that builds bytes anyway skips making a String.
    func renderBytes(_ subject: Subject, questionnaire: Questionnaire) -> [UInt8]
}

extension ReportRenderer {
    package func renderBytes(_ subject: Subject, questionnaire: Questionnaire) -> [UInt8] {
        Array(render(subject, questionnaire: questionnaire).utf8)
    }
}
