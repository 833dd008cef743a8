import LAERFormats
import LAERValues

extension LoadError {
    /// A JSON syntax error in `file`, at the parser's place.
    package static func syntax(file: String, _ error: JSONSyntaxError) -> LoadError {
        .syntax(file: file, line: error.line, column: error.column, message: error.message)
    }
}
