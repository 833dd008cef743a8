/// The questionnaire that ships inside the `laer` binary: every released version of it, embedded
/// from `Questionnaires/laer-<version>.json` by `.ci/embed-questionnaires`.
public enum BuiltInQuestionnaire {
    /// One released version: where its file is in the repository, and its bytes.
    public struct Document: Sendable {
        /// The name messages give it, such as `Questionnaires/laer-1.1.0.json`.
        public let displayName: String
        /// The bytes, exactly as stored in that file.
        public var bytes: [UInt8] { Array(text.utf8) }
        let text: String
    }

    /// Every released version, oldest first; the last is what a new survey or template uses.
    public static let history: [Document] = embedded.map {
        Document(displayName: "Questionnaires/" + $0.name, text: $0.text)
    }

    /// The newest version.
    public static var newest: Document { history[history.count - 1] }
}
