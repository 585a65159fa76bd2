import Foundation
import M2RLCore

extension IFBenchInstructions {
    /// PLACEHOLDER: `format:*`, `custom:*`, `repeat:*` are being written.
    static let formatKinds: [InstructionKind] = []
}
