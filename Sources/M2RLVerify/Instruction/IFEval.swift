import Foundation
import M2RLCore

/// PLACEHOLDER: the IFEval checkers are being written.
public enum IFEvalInstructions {
    public static let kinds: [InstructionKind] = []
}
