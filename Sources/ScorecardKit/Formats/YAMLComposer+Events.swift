import CYaml
import Foundation

extension YAMLComposer {
    /// One of libyaml's parse events, as the composer takes it: copied out of libyaml's own, so that a large file's
    /// events can be made on one thread and composed on another.
    enum ParseEvent: Sendable {
        case documentStart(line: Int)
        /// A value: its text, whether it was written plain, and whether it holds a NUL (which no field may).
        case scalar(line: Int, string: String, isPlain: Bool, holdsNUL: Bool)
        case sequenceStart(line: Int)
        case mappingStart(line: Int)
        /// The end of a list or a mapping.
        case end
        case streamEnd
        /// An alias, or a node with an anchor: refused.
        case anchorOrAlias(line: Int)
        /// The parser stopped: the file is not valid YAML.
        case failed(DataFileError)
        /// An event the composer has no use for (the stream's start, a document's end).
        case other

        /// `event` as the composer takes it. (A value's string is made here, on the parser's thread: handing
        /// libyaml's memory to the composer's thread to be made a string and freed there made the parser slower,
        /// its allocations no longer reusing what it had freed.)
        init(_ event: yaml_event_t) {
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                self = .streamEnd
            case YAML_DOCUMENT_START_EVENT:
                self = .documentStart(line: line)
            case YAML_ALIAS_EVENT:
                self = .anchorOrAlias(line: line)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil else {
                    self = .anchorOrAlias(line: line)
                    return
                }
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                self = .scalar(
                    line: line, string: String(decoding: bytes, as: UTF8.self), isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                    holdsNUL: scalar.value.map { memchr($0, 0, scalar.length) != nil } ?? false)
            case YAML_SEQUENCE_START_EVENT:
                self = event.data.sequence_start.anchor == nil ? .sequenceStart(line: line) : .anchorOrAlias(line: line)
            case YAML_MAPPING_START_EVENT:
                self = event.data.mapping_start.anchor == nil ? .mappingStart(line: line) : .anchorOrAlias(line: line)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                self = .end
            default:
                self = .other
            }
        }

        /// Whether no event follows this one.
        var isLast: Bool {
            switch self {
            case .streamEnd, .failed: true
            default: false
            }
        }
    }

    /// Events made on one thread and composed on another, a few batches at a time: the parser waits when the
    /// composer falls behind, and stops once the composer has stopped (it found a problem).
    final class ParseEventQueue: @unchecked Sendable {
        // @unchecked: every property is touched only under `condition`.
        private let condition = NSCondition()
        private var batches: [[ParseEvent]] = []
        private var stopped = false
        private static let limit = 8

        /// For the parser: hands over a batch, waiting while ``limit`` wait; false once the composer has stopped.
        func send(_ batch: [ParseEvent]) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while batches.count >= Self.limit, !stopped { condition.wait() }
            guard !stopped else { return false }
            batches.append(batch)
            condition.broadcast()
            return true
        }

        /// For the composer: the next batch, waiting for one. The parser's last batch ends with an event that
        /// ``ParseEvent/isLast``.
        func next() -> [ParseEvent] {
            condition.lock()
            defer { condition.unlock() }
            while batches.isEmpty { condition.wait() }
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }

        /// For the composer: it takes no more (the parser stops at its next batch).
        func stop() {
            condition.lock()
            stopped = true
            batches.removeAll()
            condition.broadcast()
            condition.unlock()
        }
    }
}
