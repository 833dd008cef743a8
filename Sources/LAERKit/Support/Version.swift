/// The version of `laer` itself (the questionnaire carries its own).
public enum LAERVersion {
    public static let current = "0.1.0"
}
