/// A semantic version (`MAJOR.MINOR.PATCH`, optionally `-prerelease` and `+build`).
package struct SemanticVersion: Sendable, Equatable, CustomStringConvertible {
    package var major: Int
    package var minor: Int
    package var patch: Int
    package var prerelease: String?
    package var build: String?

    package init(major: Int, minor: Int, patch: Int, prerelease: String? = nil, build: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = build
    }

    /// Parses the semver 2.0 grammar; returns nil for anything else (`1.0`, `v1.0.0`, `01.0.0`).
    package init?(_ text: String) {
        var rest = Substring(text)
        var build: Substring?
        if let plus = rest.firstIndex(of: "+") {
            build = rest[rest.index(after: plus)...]
            rest = rest[..<plus]
        }
        var prerelease: Substring?
        if let dash = rest.firstIndex(of: "-") {
            prerelease = rest[rest.index(after: dash)...]
            rest = rest[..<dash]
        }
        let core = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard core.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in core {
            guard !part.isEmpty, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber),
                part == "0" || !part.hasPrefix("0"), let number = Int(part)
            else { return nil }
            numbers.append(number)
        }
        func identifiersAreValid(_ text: Substring?) -> Bool {
            guard let text else { return true }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            return parts.allSatisfy { part in
                !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
        }
        guard identifiersAreValid(prerelease), identifiersAreValid(build) else { return nil }
        self.init(
            major: numbers[0], minor: numbers[1], patch: numbers[2],
            prerelease: prerelease.map(String.init), build: build.map(String.init))
    }

    package var description: String {
        var text = "\(major).\(minor).\(patch)"
        if let prerelease { text += "-\(prerelease)" }
        if let build { text += "+\(build)" }
        return text
    }
}

extension SemanticVersion: Comparable {
    /// Precedence by major, minor and patch; a prerelease comes before its release, and
    /// prereleases compare by their text (build metadata is ignored, as semver says).
    package static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.prerelease, rhs.prerelease) {
        case (nil, _): return false
        case (.some, nil): return true
        case (.some(let left), .some(let right)): return left < right
        }
    }
}
