/// One key press as the terminal sends it in raw mode.
package enum Key: Equatable, Sendable {
    /// A printable character, typed or pasted.
    case character(Character)
    case enter
    case backspace
    case tab
    /// Shift-Tab.
    case backTab
    case escape
    case up, down, left, right
    case home, end, pageUp, pageDown
    case delete
    /// Ctrl-C: in raw mode it arrives as the byte 0x03, not as SIGINT.
    case interrupt
    /// Ctrl-D.
    case endOfFile
    /// Another control byte (0x00–0x1F), such as Ctrl-L as 0x0C.
    case control(UInt8)
    /// Text the terminal says was pasted, between `ESC[200~` and `ESC[201~`: never to be read as keys.
    ///
    /// Line ends are "\n"; other control characters, tab excepted, are left out.
    case paste(String)
}
