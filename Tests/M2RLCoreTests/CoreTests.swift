import Foundation
import Testing
import M2RLCore

@Suite("Core")
struct CoreTests {
    @Test("concurrentMap keeps input order and runs every item once")
    func orderKept() throws {
        let out = try concurrentMap(Array(0..<200), width: 2) { $0 * $0 }
        #expect(out == (0..<200).map { $0 * $0 })
    }

    @Test("concurrentMap reports the first error in input order after running everything")
    func firstErrorInOrder() {
        struct Boom: Error, Equatable { let index: Int }
        #expect(throws: Boom(index: 3)) {
            try concurrentMap(Array(0..<10), width: 2) { i -> Int in
                if i == 3 || i == 7 { throw Boom(index: i) }
                return i
            }
        }
    }

    @Test("JSON lines sort keys and keep slashes")
    func jsonLine() throws {
        struct Value: Encodable { let b = "a/b"; let a = 1 }
        #expect(try M2RLJSON.line(Value()) == #"{"a":1,"b":"a/b"}"#)
    }

    @Test("validation errors print one problem per line with the place")
    func validationErrors() {
        let error = ValidationErrors([(SourceLocation(file: "p.yaml", key: "run.limits"), "bad"),
                                      (SourceLocation(file: "p.yaml", line: 3), "worse")])
        #expect(error.description == "p.yaml: run.limits: bad\np.yaml:3: worse")
    }
}
