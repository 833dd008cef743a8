import LAERDocuments
import LAERFormats
import LAERValues

/// The identity a batch reads from an answer file's first bytes to pick its version.
///
/// Where the JSON parser reads the document and `FastAnswerReader.identity(of:)` finds an id and
/// a version, they are the document's `questionnaire.id` and `questionnaire.version`, and they
/// pick the same version of the catalog as the parsed document does.
enum IdentityTarget {
    static func check(_ bytes: [UInt8]) throws(FuzzFailure) {
        let identity = FastAnswerReader.identity(of: bytes)
        guard let document = try? JSONParser.parse(bytes) else { return }
        let named = document.objectValue?["questionnaire"]?.objectValue
        let id = named?["id"]?.stringValue
        let version = named?["version"]?.stringValue
        guard let identity else { return }
        try expect(
            identity.id == id && identity.version == version, .identity,
            "identity(of:) reads another id or version than the JSON parser",
            "identity(of:): \(identity)\nparser: \(String(describing: id)) \(String(describing: version))\ninput: \(shown(bytes))"
        )
        let catalog = FuzzFixtures.catalog
        let byIdentity = catalog.position(id: identity.id, version: identity.version) ?? 0
        try expect(
            byIdentity == AnswerLoader.jsonVersion(document, in: catalog), .identity,
            "identity(of:) picks another version than the parsed document", shown(bytes))
    }
}
