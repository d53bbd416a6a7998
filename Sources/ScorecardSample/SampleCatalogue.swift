import ScorecardKit
/// The sample council, Fernley Borough Council: its Council Plan 2022-2027, priorities, delivery plans and
/// a catalogue of measure templates with the names, units and polarities councils really use.
struct SampleCatalogue {
    let council = "Fernley Borough Council"
    let planTitle = "Council Plan 2022-2027"
    let priorities: [SamplePriority]
    let plans: [SamplePlan]
    let templates: [MeasureTemplate]

    static let shared = SampleCatalogue()

    private init() {
        let b = SampleCatalogueBuilder()
        Self.housing(b)
        Self.environment(b)
        Self.economy(b)
        Self.communities(b)
        Self.children(b)
        Self.adults(b)
        Self.council(b)
        // Counts of people (and a rate on a small cohort): public reports withhold their values from 1 to 4.
        b.smallNumbers("Repeat victims of anti-social behaviour", SmallNumbers(basis: .count))
        b.smallNumbers("Permanent exclusions", SmallNumbers(basis: .count))
        b.smallNumbers("Children missing education", SmallNumbers(basis: .count))
        b.smallNumbers("Families with children in bed and breakfast for over 6 weeks", SmallNumbers(basis: .count))
        b.smallNumbers("People sleeping rough (monthly count)", SmallNumbers(basis: .count))
        b.smallNumbers(
            "Looked-after children with 3 or more placements in the last 12 months (%)",
            SmallNumbers(basis: .rate(outOf: 45)))
        priorities = b.priorities
        plans = b.plans
        templates = b.templates
    }

    // Shorthands for the tables below.
    static let M = Frequency.monthly
    static let Q = Frequency.quarterly
    static let A = Frequency.annual
    static let CY = Frequency.calendarYear
    static let H = Polarity.higherIsBetter
    static let L = Polarity.lowerIsBetter
    static let N = Polarity.none
    static func band(_ w: Double) -> Polarity { .withinBand(halfWidth: w) }
    static let ctaxMonthly: [Double] = [10.5, 20, 29.6, 39.2, 48.7, 58.2, 67.8, 77.3, 86.8, 96, 98.6, 100]

    // MARK: P1

    private static func housing(_ b: SampleCatalogueBuilder) {
        b.priority("P1", "Homes for everyone", lead: "Cllr Aisha Khan, Cabinet Member for Housing",
            "Everyone in Fernley has a safe, warm and affordable home, and nobody has to sleep rough.")
        b.outcome("Households in temporary accommodation per 1,000 households", "per 1,000", 2, A, L,
            level: 2.4, noise: 0.15, stretch: -0.02,
            desc: "Households placed in temporary accommodation by the council at 31 March, per 1,000 households.",
            method: "Households in TA at year end (H-CLIC) / household estimate x 1,000.",
            source: "MHCLG statutory homelessness statistics (H-CLIC)", lag: 180)
        b.outcome("Net additional dwellings", "number", 0, A, H, level: 510, noise: 45,
            desc: "Net change in the borough's dwelling stock over the financial year.",
            method: "Completions plus conversions and changes of use, minus demolitions (Housing Flows Reconciliation).",
            source: "Housing Flows Reconciliation return", lag: 240)
        b.outcome("Ratio of median house price to median earnings", "ratio", 2, CY, N, level: 10.8, noise: 0.3,
            stretch: 0.02,
            desc: "Housing affordability: how many years of median full-time earnings buy a median-priced home.",
            method: "ONS ratio of median house price to median gross annual workplace-based earnings.",
            source: "ONS House price to workplace-based earnings ratio", lag: 120)

        b.plan("DP-01", "Housing Delivery Plan", owner: "Helen Marsh, Head of Housing Strategy",
            service: "Housing", team: "Housing Enabling", measureOwner: "Joe Whitlock, Housing Enabling Manager",
            source: "Housing Enabling team returns",
            causes: [
                "Two registered provider schemes at Lismoyne Road and Swan Lake View slipped into next quarter after contractor delays",
                "Build cost inflation has paused starts on two small sites while viability is reassessed",
                "Handovers were delayed by late utility connections on the Northfield scheme",
            ],
            remedies: [
                "The Housing Enabling Manager is meeting the registered providers monthly to track handover dates",
                "Homes England grant has been re-profiled and the sites are expected to restart next quarter",
                "The pipeline report shows 74 units due for completion by year end, so the annual target is still achievable",
            ],
            actions: [
                "Adopt the Housing Strategy 2025-2030", "Complete the Northfield regeneration masterplan",
                "Establish a wholly owned housing company", "Launch the empty homes loan scheme",
            ])
        b.kbm("Affordable homes delivered (gross)", "number", 0, Q, H, level: 165, noise: 12, cumulative: true,
            profile: [15, 40, 65, 100], stretch: 0.05,
            desc: "Gross affordable homes completed in the borough in the financial year to date.",
            method: "Completions recorded by Building Control and registered providers; social rent, affordable rent and shared ownership.",
            tol: "10%")
        b.kbm("New council homes started on site", "number", 0, Q, H, level: 42, noise: 4, cumulative: true,
            stretch: 0.1,
            desc: "Homes started on site by the council's own build programme, year to date.",
            method: "Count of plots with a confirmed start on site (foundations begun), from the capital programme tracker.",
            tol: "10%")
        b.kbi("Empty homes brought back into use", "number", 0, M, H, level: 64, noise: 2, cumulative: true,
            desc: "Long-term empty homes returned to occupation through council action, year to date.",
            method: "Cases closed as reoccupied after advice, loans or enforcement, cross-checked with council tax records.",
            team: "Private Sector Housing")
        b.kbi("Long-term empty homes (empty over 6 months)", "number", 0, M, L, level: 610, noise: 14,
            stretch: -0.02, desc: "Dwellings recorded empty and unfurnished for more than six months.",
            method: "Snapshot from the council tax system at month end, excluding exempt classes.",
            source: "Council tax system (Civica)", team: "Private Sector Housing")
        b.kbi("Disabled Facilities Grant budget spent (% year to date)", "%", 1, M, H, level: 96, noise: 3,
            cumulative: true,
            desc: "Share of the year's Disabled Facilities Grant budget paid out so far.",
            method: "DFG payments made in the year to date / annual DFG allocation x 100.",
            source: "Finance ledger (Unit4)", tol: "10%", team: "Private Sector Housing")
        b.kbi("Average weeks from DFG referral to completion of works", "weeks", 1, M, L, level: 26, noise: 2.2,
            stretch: -0.02,
            desc: "End-to-end time for Disabled Facilities Grant adaptations.",
            method: "Mean weeks from occupational therapist referral to certified completion, for cases completed in the month.",
            team: "Private Sector Housing")

        b.plan("DP-02", "Homelessness and Rough Sleeping Plan", owner: "Ian Pryce, Head of Housing Needs",
            service: "Housing", team: "Housing Options", measureOwner: "Kerry Dale, Housing Options Manager",
            source: "Housing Options case management system (Jigsaw)",
            causes: [
                "Demand remains high: 131 households approached the service this month, 18% more than a year ago",
                "Two caseworker posts are vacant and recruitment has been unsuccessful",
                "Private rented sector evictions (section 21 notices) continue to rise and few affordable private lets are available",
            ],
            remedies: [
                "A landlord incentive scheme launched in September and has secured 9 tenancies so far",
                "Agency caseworkers are covering the vacancies until the posts are filled",
                "The Housing Needs Manager will continue to monitor this weekly with the prevention team",
            ],
            actions: [
                "Open the Ashby Road supported housing scheme", "Review the Homelessness and Rough Sleeping Strategy",
                "Procure a temporary accommodation framework", "Recruit a dedicated hospital discharge housing officer",
            ])
        b.kbm("Households where homelessness was prevented or relieved", "number", 0, Q, H, level: 430, noise: 18,
            cumulative: true, stretch: 0.03,
            desc: "Prevention and relief duties ending with the household securing accommodation, year to date.",
            method: "H-CLIC prevention and relief duty outcomes 'secured accommodation for 6+ months'.", tol: "10%")
        b.kbm("Households in temporary accommodation (quarter end)", "number", 0, Q, L, level: 148, noise: 8,
            stretch: -0.03,
            desc: "Households living in temporary accommodation arranged by the council on the last day of the quarter.",
            method: "Snapshot count from Jigsaw; includes nightly-paid, hostel and leased accommodation.")
        b.kbi("Families with children in bed and breakfast for over 6 weeks", "number", 0, M, L, level: 0.6,
            noise: 0.9, stretch: 0,
            desc: "Families with children in B&B beyond the legal 6-week limit at month end.",
            method: "Snapshot count at month end.", tol: "0")
        b.kbi("Average days to make a homelessness decision", "days", 0, M, L, level: 29, noise: 3,
            desc: "How long applicants wait for a decision on the main housing duty.",
            method: "Mean calendar days from the relief duty ending to the section 184 decision, for decisions made in the month.")
        b.kbi("Households on the housing register", "number", 0, M, N, level: 2950, noise: 40, stretch: 0.02,
            desc: "Active applications on the housing register at month end (context).",
            method: "Snapshot count of live applications in bands A to D.", source: "Housing register (Abritas)",
            team: "Housing Allocations")
        b.kbi("People sleeping rough (monthly count)", "number", 0, M, L, level: 7, noise: 1.6, season: 0.15,
            peak: 8, stretch: -0.05,
            desc: "People seen sleeping rough on the night of the monthly street count.",
            method: "Verified street count by the outreach team with partners on the last Tuesday of the month.",
            source: "Street outreach count")
        b.kbi("Personalised Housing Plans agreed within 10 working days (%)", "%", 1, M, H, level: 88, noise: 3,
            desc: "Applicants owed a duty who receive a Personalised Housing Plan within 10 working days.",
            method: "Plans agreed within 10 working days of the duty being accepted / duties accepted x 100.")

        b.plan("DP-03", "Council Housing Landlord Services Plan", owner: "Gillian Ward, Head of Housing Management",
            service: "Housing", team: "Income and Tenancy", measureOwner: "Paul Chen, Income Manager",
            source: "Housing management system (Northgate)",
            causes: [
                "Universal Credit migration has moved around 300 tenants onto monthly payments in arrears",
                "The repairs contractor lost three operatives and a backlog of 240 routine jobs built up",
                "Void properties needed more work than usual after long tenancies ended, with four needing full rewiring",
            ],
            remedies: [
                "Income officers are contacting every tenant on Universal Credit within a week of their first payment",
                "The contractor has brought in a subcontractor and the backlog is being cleared by weekend working",
                "A voids improvement plan is in place and progress is reviewed fortnightly by the Head of Housing Management",
            ],
            actions: [
                "Deliver the damp and mould action plan", "Complete stock condition surveys of all council homes",
                "Re-procure the responsive repairs contract", "Implement the Tenant Satisfaction Measures survey",
            ])
        b.kbm("Rent collected as a % of rent due (year to date)", "%", 2, Q, H, level: 98.7, noise: 0.35,
            desc: "Rent and service charges collected from council tenants as a share of the amount due so far this year.",
            method: "Cash received in the year to date / rent debit in the year to date x 100, including arrears brought forward.",
            tol: "0.5")
        b.kbm("Current tenant rent arrears as a % of annual rent debit", "%", 2, Q, L, level: 2.3, noise: 0.16,
            stretch: -0.02,
            desc: "Arrears owed by current tenants at quarter end as a share of the annual rent roll.",
            method: "Current tenant arrears at quarter end / annual rent debit x 100.")
        b.kbi("Current tenant rent arrears (£k)", "£k", 0, M, L, level: 785, noise: 22, season: 0.05, peak: 1,
            desc: "Total rent owed by current council tenants at month end.",
            method: "Sum of current tenant account balances in arrears at month end, in thousands of pounds.")
        b.kbi("Average days to re-let standard voids", "days", 0, M, L, level: 33, noise: 4, stretch: -0.03,
            desc: "Average time council homes stand empty between tenancies (standard voids only).",
            method: "Mean calendar days from keys returned to new tenancy start, for lets in the month.",
            team: "Voids and Lettings", owner: "Dawn Hickey, Lettings Manager")
        b.kbi("Rent lost through empty homes (% of rent due)", "%", 2, M, L, level: 1.1, noise: 0.12,
            desc: "Rent not collected because homes were empty.",
            method: "Void rent loss in the month / rent debit in the month x 100.",
            team: "Voids and Lettings", owner: "Dawn Hickey, Lettings Manager")
        b.kbi("Emergency repairs completed within 24 hours (%)", "%", 1, M, H, level: 97.5, noise: 1.2,
            desc: "Emergency repairs to council homes made safe within 24 hours.",
            method: "Emergency jobs completed within 24 hours / emergency jobs due in the month x 100.",
            team: "Repairs and Maintenance", owner: "Steve Ogden, Repairs Manager")
        b.kbi("Routine repairs completed within 28 days (%)", "%", 1, M, H, level: 88, noise: 3, season: 0.03,
            peak: 7,
            desc: "Routine repairs to council homes completed within the 28-day target.",
            method: "Routine jobs completed within 28 days / routine jobs completed in the month x 100.",
            team: "Repairs and Maintenance", owner: "Steve Ogden, Repairs Manager")
        b.kbi("Homes with a valid gas safety certificate (%)", "%", 2, M, H, level: 99.85, noise: 0.1, stretch: 0,
            desc: "Council homes with a gas supply that have a current landlord gas safety record.",
            method: "Properties with a certificate under 12 months old / properties with a gas supply x 100.",
            tol: "0.5", team: "Compliance", owner: "Steve Ogden, Repairs Manager")
        b.kbm("Tenants satisfied with the overall repairs service (%)", "%", 1, Q, H, level: 76, noise: 2.5,
            desc: "Tenant Satisfaction Measure TP02: satisfaction with the overall repairs service in the last 12 months.",
            method: "Transactional survey responses 'very' or 'fairly satisfied' / all responses x 100.",
            source: "Tenant Satisfaction Measures survey")
        b.kbi("Open damp and mould cases older than 28 days", "number", 0, M, L, level: 34, noise: 5, season: 0.35,
            peak: 1, stretch: -0.06,
            desc: "Damp and mould reports not resolved within 28 days, at month end.",
            method: "Snapshot of open damp and mould cases with a report date over 28 days ago.",
            team: "Repairs and Maintenance", owner: "Steve Ogden, Repairs Manager")
    }

    // MARK: P2

    private static func environment(_ b: SampleCatalogueBuilder) {
        b.priority("P2", "A clean and green Fernley", lead: "Cllr Tom Whitfield, Cabinet Member for Environment and Climate",
            "A cleaner, greener borough that reaches net zero as a council by 2030 and as a borough by 2045.")
        b.outcome("Household waste collected per household (kg)", "kg", 0, A, L, level: 468, noise: 8, stretch: -0.015,
            desc: "Total household waste collected per household in the financial year.",
            method: "Household waste tonnage from WasteDataFlow / number of households x 1,000.",
            source: "DEFRA WasteDataFlow", lag: 270)
        b.outcome("Borough-wide CO2 emissions per resident (tonnes)", "tCO2e", 1, CY, L, level: 4.9, noise: 0.12,
            stretch: -0.04,
            desc: "Territorial carbon dioxide emissions within the scope of local authorities, per resident.",
            method: "DESNZ local authority greenhouse gas emissions, CO2 within LA influence / mid-year population.",
            source: "DESNZ UK local authority greenhouse gas emissions statistics", lag: 540)
        b.outcome("Annual mean NO2 at the Market Street monitoring site (µg/m³)", "µg/m³", 1, CY, L, level: 27.5,
            noise: 1.2, stretch: -0.03,
            desc: "Annual mean nitrogen dioxide concentration at the town centre automatic monitoring site.",
            method: "Ratified annual mean of hourly readings, bias adjusted, as reported in the Annual Status Report.",
            source: "Air Quality Annual Status Report", tol: "2", lag: 150, owner: "Martin Doyle, Head of Regulatory Services",
            service: "Regulatory Services", team: "Environmental Protection")

        b.plan("DP-04", "Waste and Recycling Service Plan", owner: "Rob Tennant, Head of Environmental Services",
            service: "Environmental Services", team: "Waste and Recycling", measureOwner: "Claire Fox, Waste and Recycling Manager",
            source: "Bartec in-cab system and weighbridge tickets",
            causes: [
                "Driver vacancies on two rounds and a vehicle breakdown on the Tuesday garden waste round",
                "The waste KPIs for the period have yet to be confirmed; reliability of the service continues to be a significant problem",
                "Dry weather reduced garden waste tonnages, which lowers the recycling rate",
                "Road closures for resurfacing on the Northfield estate meant crews could not reach 400 properties",
            ],
            remedies: [
                "An improvement plan for the service has been agreed but it is accepted that it will take time to implement",
                "Agency drivers have been booked and a Saturday catch-up crew is operating",
                "A contamination campaign with bin tags started on the worst-performing rounds",
                "Round re-balancing goes live in January and should remove the overloaded rounds",
            ],
            actions: [
                "Introduce weekly food waste collections", "Replace the refuse fleet with electric vehicles (phase 1)",
                "Re-balance collection rounds", "Roll out recycling to flats above shops",
            ])
        b.kbm("Household waste sent for reuse, recycling and composting (%)", "%", 1, Q, H, level: 46.5, noise: 1.2,
            season: 0.08, peak: 8, stretch: 0.02,
            desc: "Share of household waste reused, recycled or composted (NI 192), as validated by WasteDataFlow.",
            method: "Tonnage reused, recycled or composted / total household waste tonnage x 100.",
            source: "DEFRA WasteDataFlow", lag: 90)
        b.kbi("Household waste recycled and composted (%, provisional)", "%", 1, M, H, level: 46.5, noise: 1.8,
            season: 0.12, peak: 7, stretch: 0.02,
            desc: "Provisional monthly recycling rate from weighbridge data, before WasteDataFlow validation.",
            method: "Recycled and composted tonnage / total household waste tonnage x 100, from weighbridge tickets.")
        b.kbi("Missed bin collections per 100,000 collections", "per 100,000", 0, M, L, level: 44, noise: 7,
            season: 0.15, peak: 12, stretch: -0.03,
            desc: "Reported missed collections (all waste streams) per 100,000 scheduled collections.",
            method: "Missed collections reported and upheld / scheduled collections x 100,000.")
        b.kbi("Residual household waste per household (kg)", "kg", 1, M, L, level: 38.5, noise: 1.4, season: 0.08,
            peak: 12, stretch: -0.015,
            desc: "Non-recycled household waste collected per household in the month.",
            method: "Residual waste tonnage / households x 1,000.")
        b.kbi("Garden waste service subscribers", "number", 0, M, H, level: 21400, noise: 150, season: 0.04, peak: 6,
            stretch: 0.02,
            desc: "Households subscribed to the chargeable garden waste service at month end.",
            method: "Active subscriptions in the garden waste system at month end.", tol: "2%")
        b.kbi("Contamination rate in dry mixed recycling (%)", "%", 1, M, L, level: 13.8, noise: 1.1,
            stretch: -0.03,
            desc: "Share of collected dry recycling rejected at the materials recovery facility.",
            method: "Rejected tonnage / dry mixed recycling tonnage delivered x 100, from MRF sampling.",
            source: "Materials recovery facility sampling returns")
        b.kbi("Missed assisted collections", "number", 0, M, L, level: 9, noise: 2.5,
            desc: "Missed collections for residents who receive an assisted (pull-out) collection.",
            method: "Count of upheld missed assisted collection reports in the month.")

        b.plan("DP-05", "Street Scene and Green Spaces Plan", owner: "Amira Hassan, Head of Street Scene",
            service: "Environmental Services", team: "Street Scene", measureOwner: "Lee Barton, Street Scene Manager",
            source: "Street Scene works management system (Confirm)",
            causes: [
                "Fly-tipping hotspots on the Kingsmead industrial estate generated repeat large-scale incidents",
                "Staff were diverted to leaf fall and the winter gritting rota",
                "A spike in reports followed the change to bulky waste charges",
            ],
            remedies: [
                "Deployable CCTV cameras have been installed at the three worst hotspots",
                "Enforcement officers are running joint patrols with the police on Friday evenings",
                "The team is reviewing schedules with the aim of returning to target next quarter",
            ],
            actions: [
                "Install deployable CCTV at fly-tipping hotspots", "Achieve Green Flag status for Riverside Park",
                "Adopt the Parks and Open Spaces Strategy", "Replace play equipment at five parks",
            ])
        b.kbm("Fly-tipping incidents cleared within 2 working days (%)", "%", 1, Q, H, level: 91, noise: 2.2,
            desc: "Reported fly-tips on public land removed within two working days.",
            method: "Incidents cleared within 2 working days / incidents reported x 100.")
        b.kbi("Fly-tipping incidents reported", "number", 0, M, L, level: 205, noise: 18, season: 0.12, peak: 8,
            desc: "Fly-tipping incidents on public land reported to the council in the month.",
            method: "Incidents logged in Confirm, as reported to DEFRA's Flycapture.",
            source: "Flycapture return", flag: .overdueEmptyValue)
        b.kbi("Fly-tipping enforcement actions taken", "number", 0, M, H, level: 38, noise: 7,
            desc: "Fixed penalty notices, warning letters, duty of care inspections and prosecutions for fly-tipping.",
            method: "Count of enforcement actions recorded in the month.", flag: .noTarget,
            team: "Environmental Enforcement")
        b.kbi("Streets meeting the cleanliness standard for litter (%)", "%", 1, Q, H, level: 93, noise: 1.6,
            desc: "Surveyed transects at grade B or above for litter (Local Environmental Quality survey).",
            method: "Transects graded A or B / transects surveyed x 100; three survey tranches a year.")
        b.kbi("Offensive graffiti removed within 24 hours (%)", "%", 1, M, H, level: 94, noise: 3,
            desc: "Reports of offensive or racist graffiti removed within 24 hours.",
            method: "Removed within 24 hours / reported x 100.")
        b.kbi("Category 1 highway defects repaired within 24 hours (%)", "%", 1, M, H, level: 95.5, noise: 1.8,
            season: 0.02, peak: 7,
            desc: "Dangerous potholes and defects made safe within 24 hours of being reported.",
            method: "Cat 1 defects made safe within 24 hours / Cat 1 defects reported x 100.",
            team: "Highways", owner: "Gavin Pugh, Highways Manager")
        b.kbi("Street light faults repaired within 7 days (%)", "%", 1, M, H, level: 92, noise: 3, season: 0.03,
            peak: 7,
            desc: "Street lighting faults repaired within 7 days.", method: "Faults fixed within 7 days / faults reported x 100.",
            team: "Highways", owner: "Gavin Pugh, Highways Manager")
        b.kbi("Parks holding a Green Flag award", "number", 0, A, H, level: 6, noise: 0.4, stretch: 0.12,
            desc: "Parks and open spaces holding a Green Flag award in the year.", method: "Count of sites awarded.",
            source: "Keep Britain Tidy Green Flag results", team: "Parks and Open Spaces")

        b.plan("DP-06", "Climate Emergency Action Plan", owner: "Owen Price, Head of Climate and Sustainability",
            service: "Climate and Sustainability", team: "Climate Change", measureOwner: "Dr Lena Morris, Climate Change Programme Manager",
            source: "Energy management system (Systemslink)",
            causes: [
                "The cold snap increased heating demand across the leisure centres and depot",
                "Grid connection works delayed the charge point installations at two car parks",
                "The heat pump at Fernley House was out of action for three weeks awaiting a part",
            ],
            remedies: [
                "Building managers have been asked to reset heating schedules to the agreed set points",
                "The charge point supplier has committed to completing the remaining sites next quarter",
                "The decarbonisation programme board is reviewing the delivery timetable",
            ],
            actions: [
                "Install solar PV at the Fernley Leisure Centre", "Publish the Local Area Energy Plan",
                "Convert the pool car fleet to electric", "Complete heat decarbonisation plans for 12 buildings",
            ])
        b.kbm("Council's own carbon emissions, scopes 1 and 2 (tCO2e)", "tCO2e", 0, A, L, level: 6750, noise: 180,
            stretch: -0.08,
            desc: "Greenhouse gas emissions from the council's buildings, streetlights and fleet.",
            method: "Metered energy and fuel use x government conversion factors for the year.",
            source: "Annual carbon footprint report", lag: 120)
        b.kbm("Public electric vehicle charge points installed (total)", "number", 0, Q, H, level: 120, noise: 4,
            stretch: 0.22,
            desc: "Public charge points installed by or with the council, running total.",
            method: "Cumulative count of commissioned public charge point sockets.", source: "Charge point operator reports",
            tol: "10%")
        b.kbi("Electricity used in council buildings (MWh)", "MWh", 0, M, L, level: 415, noise: 14, season: 0.22,
            peak: 1, stretch: -0.04,
            desc: "Electricity consumed in the council's operational buildings.",
            method: "Half-hourly and monthly meter readings summed for the month.")
        b.kbi("Council fleet diesel use (litres)", "litres", 0, M, L, level: 38000, noise: 1200, season: 0.05,
            peak: 12, stretch: -0.05,
            desc: "Diesel drawn by council vehicles at the depot fuel bunker.", method: "Fuel card and bunker records.",
            source: "Fleet management system (Tranman)", team: "Fleet", owner: "Colin Reeve, Fleet Manager")
        b.kbm("Trees planted on council land", "number", 0, A, H, level: 3100, noise: 220, stretch: 0.1,
            desc: "Trees planted on council-owned land in the planting season.", method: "Count from planting contractor returns.",
            team: "Parks and Open Spaces", owner: "Lee Barton, Street Scene Manager")
        b.kbi("Home energy advice visits completed", "number", 0, M, H, level: 40, noise: 6,
            desc: "In-home energy advice visits under the Fernley Warm Homes scheme (new from October 2026).",
            method: "Visits completed and recorded by the scheme's delivery partner.",
            source: "Warm Homes delivery partner returns", flag: .lateStart)
        b.kbi("Council buildings with a Display Energy Certificate rated C or better (%)", "%", 0, A, H, level: 40,
            noise: 2,
            desc: "Operational buildings with a DEC rating of C or better.",
            method: "To be defined with Property Services once the building survey programme is complete.",
            flag: .inDevelopment)
    }

    // MARK: P3

    private static func economy(_ b: SampleCatalogueBuilder) {
        b.priority("P3", "A thriving local economy", lead: "Cllr Priya Desai, Cabinet Member for Economy and Regeneration",
            "Good jobs, skills and vibrant town centres, with growth that benefits every neighbourhood.")
        b.outcome("Employment rate, residents aged 16-64 (%)", "%", 1, CY, H, level: 78.2, noise: 0.9,
            desc: "Residents aged 16 to 64 in employment.", method: "ONS Annual Population Survey, January to December.",
            source: "ONS Annual Population Survey (Nomis)", lag: 120, flag: .noTarget)
        b.outcome("Claimant count, % of residents aged 16-64", "%", 1, A, L, level: 3.2, noise: 0.2, stretch: -0.03,
            desc: "Residents claiming unemployment-related benefits in March.",
            method: "ONS claimant count (experimental) in March / mid-year population aged 16-64 x 100.",
            source: "ONS claimant count (Nomis)", lag: 60)
        b.outcome("Median gross weekly pay, full-time residents (£)", "£", 0, CY, H, level: 690, noise: 12, stretch: 0.04,
            desc: "Median gross weekly earnings of full-time employees living in the borough.",
            method: "ONS Annual Survey of Hours and Earnings, resident analysis.",
            source: "ONS ASHE (Nomis)", lag: 320, flag: .noTarget)
        b.outcome("Town centre vacancy rate (%)", "%", 1, A, L, level: 12.5, noise: 0.6, stretch: -0.03,
            desc: "Ground floor commercial units in Fernley town centre that are vacant.",
            method: "Vacant units / all units x 100, from the annual town centre health check in March.",
            source: "Town centre health check survey", lag: 60)

        b.plan("DP-07", "Planning and Building Control Service Plan", owner: "Fiona Grant, Head of Planning",
            service: "Planning", team: "Development Management", measureOwner: "Stuart Wells, Development Manager",
            source: "Planning system (Uniform)",
            causes: [
                "Two senior planning officer vacancies and a high volume of complex applications",
                "Several applications were delayed awaiting highways and drainage consultee responses",
                "Figure for delegated decisions is on target, but committee decisions took longer because of a deferred meeting",
            ],
            remedies: [
                "Extensions of time are being agreed with applicants wherever possible",
                "Consultant planners have been engaged for three months to clear the backlog",
                "The Development Manager is reviewing all cases approaching their deadline weekly",
            ],
            actions: [
                "Submit the Local Plan for examination", "Adopt the Design Code supplementary planning document",
                "Introduce the new planning IT system", "Review the pre-application advice service",
            ])
        b.kbm("Major planning applications decided within 13 weeks or agreed time (%)", "%", 1, Q, H, level: 87,
            noise: 5, stretch: 0.01,
            desc: "Major applications decided within 13 weeks (16 with an EIA) or an agreed extension of time.",
            method: "Decisions in time / all major decisions in the quarter x 100 (PS1/PS2 returns).", tol: "5")
        b.kbm("Minor planning applications decided within 8 weeks or agreed time (%)", "%", 1, Q, H, level: 85,
            noise: 3.5,
            desc: "Minor applications decided within 8 weeks or an agreed extension of time.",
            method: "Decisions in time / all minor decisions in the quarter x 100.")
        b.kbi("Other planning applications decided within 8 weeks (%)", "%", 1, M, H, level: 90, noise: 3,
            desc: "Householder and other applications decided within 8 weeks or an agreed extension.",
            method: "Decisions in time / all other decisions in the month x 100.")
        b.kbi("Planning appeals allowed (% of appeals decided)", "%", 1, Q, L, level: 27, noise: 4,
            desc: "Appeals against the council's planning decisions allowed by the Planning Inspectorate.",
            method: "Appeals allowed / appeals decided in the quarter x 100.", source: "Planning Inspectorate decisions")
        b.kbi("Valid planning applications received", "number", 0, M, N, level: 165, noise: 14, season: 0.12, peak: 5,
            desc: "Planning applications validated in the month (context for workload).",
            method: "Count of applications validated in Uniform.")
        b.kbi("Building regulations applications checked within 15 working days (%)", "%", 1, M, H, level: 92,
            noise: 3,
            desc: "Full plans applications given a first check within 15 working days.",
            method: "Checked in time / received x 100.", team: "Building Control", owner: "Alan Mercer, Building Control Manager")
        b.kbi("Planning enforcement cases closed within 12 weeks (%)", "%", 1, M, H, level: 71, noise: 5,
            desc: "Enforcement investigations closed within 12 weeks of being opened.",
            method: "Cases closed within 12 weeks / cases closed x 100.", team: "Planning Enforcement")
        b.kbi("Average working days to return a local land charges search", "days", 1, M, L, level: 6.2, noise: 0.8,
            desc: "Turnaround of official local land charges searches.",
            method: "Mean working days from receipt to return, for searches returned in the month.",
            tol: "1", team: "Land Charges", owner: "Tessa Iqbal, Land Charges Officer")
        b.kbi("Biodiversity net gain units secured through planning", "number", 0, Q, H, level: 30, noise: 5,
            desc: "Biodiversity units secured through legal agreements on planning permissions.",
            method: "Definition and data source to be agreed with the ecology service.", flag: .inDevelopment)

        b.plan("DP-08", "Economic Growth and Town Centres Plan", owner: "Daniel Frost, Head of Economic Development",
            service: "Economic Development", team: "Business Support", measureOwner: "Hannah Lyle, Business Growth Manager",
            source: "Business support CRM",
            causes: [
                "Businesses are reporting caution about investment because of high energy costs",
                "The Business Growth Programme was paused for four weeks while the new provider was mobilised",
                "Two large retail units closed in the Kingsgate Centre",
            ],
            remedies: [
                "A targeted campaign to the manufacturing sector started this month",
                "The new provider has a recovery plan to make up the lost sessions by year end",
                "Meanwhile-use leases are being offered on vacant units",
            ],
            actions: [
                "Deliver the UK Shared Prosperity Fund programme", "Open the Fernley enterprise hub",
                "Complete the Market Square public realm works", "Adopt the Economic Development Strategy",
            ])
        b.kbm("Businesses supported through the Business Growth Programme", "number", 0, Q, H, level: 245, noise: 12,
            cumulative: true, stretch: 0.04,
            desc: "Businesses receiving at least 12 hours of support, year to date.",
            method: "Unique businesses with 12+ hours of recorded support in the financial year.", tol: "10%")
        b.kbm("Jobs created or safeguarded with council support", "number", 0, Q, H, level: 185, noise: 14,
            cumulative: true,
            desc: "Jobs created or safeguarded by businesses the council has supported, year to date.",
            method: "Jobs evidenced by businesses at the end of support, full-time equivalent.", tol: "10%")
        b.kbi("Town centre footfall", "number", 0, M, H, level: 410000, noise: 12000, season: 0.14, peak: 12,
            stretch: 0.01,
            desc: "Visits to Fernley town centre counted by the footfall cameras.",
            method: "Sum of daily counts from the four camera sites.", source: "Footfall cameras (Springboard)",
            team: "Town Centre Management", owner: "Martyn Cole, Town Centre Manager")
        b.kbi("Council-owned commercial units occupied (%)", "%", 1, M, H, level: 91, noise: 1.5,
            desc: "Lettable commercial units in the council's investment estate that are let.",
            method: "Occupied units / lettable units x 100 at month end.", source: "Estates terrier",
            team: "Estates", owner: "Graham Hurst, Head of Property and Estates")
        b.kbi("Market stalls occupied (%)", "%", 0, M, H, level: 78, noise: 4, season: 0.06, peak: 12,
            desc: "Stalls let on the Tuesday and Saturday charter markets.",
            method: "Stalls let / stalls available x 100, averaged over market days in the month.",
            team: "Town Centre Management", owner: "Martyn Cole, Town Centre Manager")
        b.kbi("Council spend with local suppliers (%)", "%", 1, Q, H, level: 38, noise: 2, stretch: 0.03,
            desc: "Share of the council's third-party spend with suppliers based in the borough.",
            method: "Spend with suppliers with a Fernley postcode / total third-party spend x 100.",
            source: "Finance ledger (Unit4)", team: "Procurement", owner: "Adele Norris, Procurement Manager")

        b.plan("DP-09", "Skills and Employment Plan", owner: "Yvonne Clarke, Head of Skills and Employment",
            service: "Economic Development", team: "Employment and Skills", measureOwner: "Femi Adeyemi, Employment Support Manager",
            source: "Employment support case records",
            causes: [
                "Referrals from Jobcentre Plus fell while the work coach team was restructured",
                "The adult learning summer term was shorter than usual",
                "A fall in apprenticeship vacancies from local employers",
            ],
            remedies: [
                "Outreach sessions have been added at the three family hubs",
                "Joint referral meetings with Jobcentre Plus resumed this month",
                "The team is working with the Chamber of Commerce on an apprenticeship pledge",
            ],
            actions: [
                "Launch the Fernley Works employment hub", "Agree the Local Skills Improvement Plan priorities",
                "Deliver the supported internship programme",
            ])
        b.kbm("Residents supported into work by council employment programmes", "number", 0, Q, H, level: 305,
            noise: 15, cumulative: true, stretch: 0.03,
            desc: "Residents starting work of 16+ hours a week after council employment support, year to date.",
            method: "Job starts evidenced by payslip or employer confirmation.", tol: "10%")
        b.kbm("16-17 year olds not in education, employment or training or not known (%)", "%", 1, Q, L, level: 4.9,
            noise: 0.35, season: 0.2, peak: 10, stretch: -0.02,
            desc: "Young people aged 16-17 who are NEET or whose activity is not known.",
            method: "NEET plus not known / 16-17 year olds known to the council x 100 (NCCIS).",
            source: "NCCIS client caseload information system", team: "Youth Participation")
        b.kbi("Council apprenticeship starts", "number", 0, M, H, level: 46, noise: 2, cumulative: true,
            desc: "Apprenticeships started by council staff and new recruits, year to date.",
            method: "Starts recorded in the apprenticeship levy account.",
            source: "Apprenticeship service account", team: "Learning and Development", owner: "Nadia Sheikh, Head of HR and OD")
        b.kbi("Adult learning course enrolments", "number", 0, M, N, level: 620, noise: 50, season: 0.45, peak: 9,
            desc: "Enrolments on council adult and community learning courses (context).",
            method: "Enrolments recorded in the learner management system in the month.",
            source: "Learner management system", team: "Adult Learning")
    }
}
