/// The colours of HTML reports, named once for the style sheet and the charts.
enum HTMLPalette {
    static let ink = "#1c2833", muted = "#52606d", rule = "#d5dde5", accent = "#1f5f8b", accentSoft = "#eaf1f7"
    static let warn = "#92400e", warnRule = "#d97706", warnSoft = "#fff7e8", canvas = "#f3f5f7"
    /// Marks what holds the company back in the charts.
    static let amber = "#b45309"
}
