/// The questionnaire that ships inside the `laer` binary, embedded from `laer.json` beside this file.
public enum BuiltInQuestionnaire {
    /// The display name used in messages about the built-in document.
    public static let displayName = "Questionnaires/laer.json"

    /// The document's bytes, exactly as stored in `Questionnaires/laer.json`.
    public static var bytes: [UInt8] { PackageResources.laer_json }
}
