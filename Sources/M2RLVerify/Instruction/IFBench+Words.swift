import Foundation
import M2RLCore

extension IFBenchInstructions {
    /// PLACEHOLDER: `count:*`, `ratio:*`, `words:*`, `sentence:*` are being written.
    static let wordKinds: [InstructionKind] = []
}
