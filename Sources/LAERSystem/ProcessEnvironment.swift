import Glibc

/// The process's environment variables, read without Foundation.
public enum ProcessEnvironment {
    /// Every variable, by name.
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    /// This process's id, as a lock file or a rescue file names it.
    package static var processID: Int32 { getpid() }
}
