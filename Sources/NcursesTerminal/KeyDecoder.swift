import CNcursesw
import Dashboard

/// Turns what `get_wch` returns into a ``Dashboard/Key``.
enum KeyDecoder {
    /// Decodes a key code (`isKeyCode`, from `KEY_CODE_YES`) or a wide character.
    static func decode(isKeyCode: Bool, value: UInt32) -> Key {
        isKeyCode ? functionKey(Int32(bitPattern: value)) : character(value)
    }

    /// A character from the keyboard: control characters become named keys or `.ctrl`.
    static func character(_ value: UInt32) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            guard let scalar = Unicode.Scalar(0x60 + value) else { return .unknown(Int(value)) }
            return .ctrl(Character(scalar))
        case 0..<32: return .unknown(Int(value))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(Int(value)) }
            return .character(Character(scalar))
        }
    }

    /// The cursor key a `CSI` or `SS3` sequence ends with (`ESC [ A` up ... `ESC [ F` end), or `nil`.
    static func cursorKey(final: UInt32) -> Key? {
        switch final {
        case 0x41: .up
        case 0x42: .down
        case 0x43: .right
        case 0x44: .left
        case 0x48: .home
        case 0x46: .end
        default: nil
        }
    }

    /// A curses key code (`KEY_UP`, `KEY_F(n)`, `KEY_RESIZE` ...).
    static func functionKey(_ code: Int32) -> Key {
        let f0 = sc_key_f0()
        if code > f0, code <= f0 + 63 { return .function(Int(code - f0)) }
        return namedKeys[code] ?? .unknown(Int(code))
    }

    /// The key codes with a name of their own.
    private static let namedKeys: [Int32: Key] = [
        sc_key_up(): .up, sc_key_down(): .down, sc_key_left(): .left, sc_key_right(): .right,
        sc_key_home(): .home, sc_key_end(): .end, sc_key_ppage(): .pageUp, sc_key_npage(): .pageDown,
        sc_key_backspace(): .backspace, sc_key_dc(): .delete, sc_key_enter(): .enter, sc_key_btab(): .backTab,
        sc_key_resize(): .resize,
    ]
}
