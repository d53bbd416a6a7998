import Testing

@testable import ScorecardKit

@Suite("Numbers abbreviated for narrow columns")
struct AbbreviatedNumberTests {
    @Test("three significant figures with k, m, bn, tn; trailing zeros left off", arguments: [
        (999.0, "999"), (1_000.0, "1k"), (45_600.0, "45.6k"), (12_345_678.0, "12.3m"), (1_234_567_890.0, "1.23bn"),
        (100_000.0, "100k"), (1_050_000.0, "1.05m"), (-12_345_678.0, "-12.3m"), (2.5e13, "25tn"), (0.0, "0"),
    ])
    func abbreviates(value: Double, written: String) {
        #expect(NumberText.abbreviated(value) == written)
    }

    @Test("a value that rounds up to the next scale takes it", arguments: [
        (999_950.0, "1m"), (999_949.0, "1m"), (999_400.0, "999k"), (999_960_000.0, "1bn"), (9_996.0, "10k"), (99_960.0, "100k"),
    ])
    func roundsUpAScale(value: Double, written: String) {
        #expect(NumberText.abbreviated(value) == written)
    }

    @Test("money keeps its pound sign, and thousands or millions of pounds are scaled to pounds", arguments: [
        ("£", 12_345_678.0, "£12.3m"), ("£", -12_345_678.0, "-£12.3m"), ("£k", 12_345.0, "£12.3m"), ("£m", 1_500.0, "£1.5bn"),
        ("%", 12_345.0, "12.3k%"), ("days", 12_345_678.0, "12.3m"),
    ])
    func keepsTheUnit(unit: String, value: Double, written: String) {
        #expect(MeasureUnit(unit).abbreviated(value) == written)
    }
}
