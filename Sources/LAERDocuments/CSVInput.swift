import LAERFormats
import LAERValues

/// A CSV input read to records once, for both the answer sheet and the wide export.
enum CSVInput {
    /// The document, or nil after an error; the problems are that error, or the warning that the
    /// encoding was a guess.
    static func read(_ bytes: [UInt8]) -> (document: CSVDocument?, problems: [Problem]) {
        do {
            let document = try CSVReader.read(bytes)
            return (document, encodingProblems(of: document))
        } catch {
            return (nil, [Problem(at: .text(line: error.line, column: error.column), error.message)])
        }
    }

    static func encodingProblems(of document: CSVDocument) -> [Problem] {
        guard let warning = document.encoding.guessWarning else { return [] }
        return [Problem(at: .document, warning, severity: .warning)]
    }
}
