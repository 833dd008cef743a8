/// The version of `laer` itself (the questionnaire carries its own).
package enum LAERVersion {
    package static let current = "0.1.0"
}
