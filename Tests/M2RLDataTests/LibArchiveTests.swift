import Testing
import M2RLData

@Suite("libarchive")
struct LibArchiveTests {
    @Test("the system libarchive is linked")
    func linked() {
        #expect(LibArchive.version.hasPrefix("libarchive 3."))
    }
}
