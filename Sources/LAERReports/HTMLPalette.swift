/// The colours of HTML reports, named once for the style sheet and the charts.
package enum HTMLPalette {
    package static let ink = "#1c2833", muted = "#52606d", rule = "#d5dde5", accent = "#1f5f8b", accentSoft = "#eaf1f7"
    package static let warn = "#92400e", warnRule = "#d97706", warnSoft = "#fff7e8", canvas = "#f3f5f7"
    /// Marks what holds the company back in the charts.
    package static let amber = "#b45309"
    /// The shades behind the four phases in trend charts, lightest for the first: told apart by lightness alone.
    package static let phaseBands = ["#f8fafc", "#edf3f8", "#e1ebf3", "#d3e2ee"]
    /// The marker lines of trend charts, by marker index: the Okabe–Ito colours, apart for every common colour blindness.
    package static let markerLines = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00"]
}
