import ScorecardKit
import Testing

@Suite("The folder part of a path")
struct FolderPartTests {
    @Test("as dirname gives it, but empty for a bare name; `.` and `./` are bare names, not a crash")
    func folderPart() {
        #expect("a/b.db".folderPart == "a")
        #expect("a//b.db".folderPart == "a")
        #expect("/b.db".folderPart == "/")
        #expect("/".folderPart == "/")
        #expect("a/b/".folderPart == "a")
        #expect("./x".folderPart == ".")
        #expect("d/.".folderPart == "d")
        for bare in ["b.db", ".", "./", "..", ""] { #expect(bare.folderPart == "", "\(bare)") }
    }
}
