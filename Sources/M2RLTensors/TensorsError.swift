import M2RLCore

/// A checkpoint that cannot be read or written: names the file, the tensor when there is one,
/// and what is wrong.
public struct TensorsError: M2RLError, Equatable {
    /// What went wrong, as a stable code.
    public enum Kind: String, Sendable {
        case io = "checkpoint_io"
        case headerLength = "header_length"
        case invalidHeader = "invalid_header"
        case unknownDType = "unknown_dtype"
        case shapeOverflow = "shape_overflow"
        case invalidOffsets = "invalid_offsets"
        case spanMismatch = "span_mismatch"
        case hole = "hole"
        case overlap = "overlap"
        case bufferLength = "buffer_length"
        case duplicateTensor = "duplicate_tensor"
        case invalidIndex = "invalid_index"
        case missingTensor = "missing_tensor"
    }

    public var kind: Kind
    /// The file (a safetensors file, an index, or a checkpoint folder).
    public var file: String
    /// The tensor concerned, when there is one.
    public var tensor: String?
    public var message: String

    public init(_ kind: Kind, file: String, tensor: String? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.tensor = tensor
        self.message = message
    }

    public var code: String { kind.rawValue }

    public var description: String {
        if let tensor { return "\(file): tensor \"\(tensor)\": \(message)" }
        return "\(file): \(message)"
    }
}
