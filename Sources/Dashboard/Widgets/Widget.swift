/// Something that draws itself into a rectangle of a screen buffer, never outside it.
public protocol Widget {
    /// Draws into `area` of `buffer`.
    func render(into buffer: inout ScreenBuffer, area: Rect)
}
