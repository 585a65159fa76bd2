import Foundation
import M2RLCore

/// The 57 constraints of IFBench's test set (allenai/IFBench, `instructions.py` at the commit
/// that produced the published verdicts, c94da02).
public enum IFBenchInstructions {
    public static var kinds: [InstructionKind] { wordKinds + formatKinds }
}
