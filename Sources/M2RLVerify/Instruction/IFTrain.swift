import Foundation
import M2RLCore

/// PLACEHOLDER: the IFTrain checkers are being written.
public enum IFTrainInstructions {
    public static let kinds: [InstructionKind] = []
}
