import Dashboard

/// A terminal double for tests: records every presented frame and feeds keys from a script.
public final class TestTerminal: Terminal {
    /// The size reported to the app; change it and queue `.resize` to simulate a resize.
    public var size: Size
    /// The capabilities reported to the app.
    public var capabilities: Capabilities
    /// Keys still to be delivered; `nil` entries are timeouts (ticks).
    public var pendingKeys: [Key?]
    /// Every buffer presented, oldest first.
    public private(set) var frames: [ScreenBuffer] = []
    /// How many times ``invalidate()`` was called.
    public private(set) var invalidations = 0

    /// Creates a test terminal of `size` that will deliver `keys` in order.
    public init(
        size: Size, capabilities: Capabilities = Capabilities(colorMode: .none, glyphs: .unicode), keys: [Key?] = []
    ) {
        self.size = size
        self.capabilities = capabilities
        pendingKeys = keys
    }

    /// The last presented frame.
    public var lastFrame: ScreenBuffer? { frames.last }

    /// Records `buffer`.
    public func present(_ buffer: ScreenBuffer) { frames.append(buffer) }

    /// Counts the request.
    public func invalidate() { invalidations += 1 }

    /// The next scripted key; when the script runs out, Ctrl-C so loops under test always end. Asked for a key
    /// already waiting (`timeout` zero), a `nil` entry or the end of the script is none.
    public func readKey(timeout: Duration) -> Key? {
        if timeout == .zero {
            guard let next = pendingKeys.first, next != nil else { return nil }
        }
        return pendingKeys.isEmpty ? .ctrl("c") : pendingKeys.removeFirst()
    }
}
