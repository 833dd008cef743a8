import LAERValues

/// Inputs that cannot be compared as asked (two organizations in one diff, a peer group too
/// small to keep its members anonymous): bad input, 65.
struct ComparisonError: UserFacingError, Equatable {
    var description: String

    init(_ description: String) {
        self.description = "laer: " + description
    }

    var exitCode: ExitCode { .dataError }
}
