import CNcursesw
import Dashboard
import Testing

@testable import NcursesTerminal

@Suite struct KeyDecoderTests {
    @Test(arguments: [
        (UInt32(0x71), Key.character("q")), (27, .escape), (13, .enter), (10, .enter), (9, .tab), (127, .backspace),
        (8, .backspace), (3, .ctrl("c")), (12, .ctrl("l")), (0x65E5, .character("日")), (0x20, .character(" ")),
        (0, .unknown(0)),
    ])
    func decodesCharacters(value: UInt32, key: Key) {
        #expect(KeyDecoder.decode(isKeyCode: false, value: value) == key)
    }

    @Test func decodesKeyCodes() {
        func code(_ value: Int32) -> Key { KeyDecoder.decode(isKeyCode: true, value: UInt32(bitPattern: value)) }
        #expect(code(sc_key_up()) == .up)
        #expect(code(sc_key_npage()) == .pageDown)
        #expect(code(sc_key_ppage()) == .pageUp)
        #expect(code(sc_key_home()) == .home)
        #expect(code(sc_key_end()) == .end)
        #expect(code(sc_key_resize()) == .resize)
        #expect(code(sc_key_btab()) == .backTab)
        #expect(code(sc_key_f0() + 5) == .function(5))
        #expect(code(0o777) == .unknown(0o777))
    }

    @Test func decodesTheFinalsOfCursorKeySequences() {
        #expect(["A", "B", "C", "D", "H", "F"].map { KeyDecoder.cursorKey(final: Character($0).unicodeScalars.first!.value) }
            == [.up, .down, .right, .left, .home, .end])
        #expect(KeyDecoder.cursorKey(final: 0x5A) == nil)
    }
}
