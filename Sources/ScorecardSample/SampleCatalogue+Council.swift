import ScorecardKit
/// The sample council's catalogue, continued: the council's own resources and services.
extension SampleCatalogue {
    // MARK: P7

    static func council(_ b: SampleCatalogueBuilder) {
        b.priority("P7", "A well-run, financially sustainable council",
            lead: "Cllr Susan Patel, Leader of the Council and Cabinet Member for Finance and Resources",
            "A council that lives within its means, listens to residents and makes it easy to get things done.")
        b.outcome("Residents satisfied with the way the council runs things (%)", "%", 0, A, H, level: 62, noise: 2,
            desc: "Residents' survey respondents very or fairly satisfied with the way the council runs things.",
            method: "'Very' or 'fairly satisfied' / all valid responses x 100, weighted (LGA polling question).",
            source: "Fernley Residents' Survey", lag: 90)
        b.outcome("Residents who agree the council provides value for money (%)", "%", 0, A, H, level: 44, noise: 2,
            desc: "Residents' survey respondents who strongly or tend to agree the council provides value for money.",
            method: "'Strongly' or 'tend to agree' / all valid responses x 100, weighted.",
            source: "Fernley Residents' Survey", lag: 90)

        b.plan("DP-18", "Finance and Commercial Plan", owner: "Mark Lewis, Director of Finance (Section 151 Officer)",
            service: "Finance", team: "Corporate Finance", measureOwner: "Priya Nair, Chief Accountant",
            source: "Finance ledger (Unit4)",
            causes: [
                "Demand pressures in children's placements and home to school transport",
                "Income from car parking and planning fees is below budget",
                "The pay award was higher than the 3% assumed in the budget",
            ],
            remedies: [
                "Spending controls are in place for non-essential expenditure and vacancies",
                "Directorates have been asked to bring forward mitigations to the next Corporate Management Team",
                "The Medium Term Financial Strategy is being refreshed for Cabinet in December",
            ],
            actions: [
                "Set a balanced budget for 2027/28", "Close the 2025/26 accounts by the statutory deadline",
                "Deliver the Commercial Strategy income programme", "Implement the new finance system",
            ])
        b.kbm("Revenue budget forecast variance (£k)", "£k", 0, Q, band(250), level: 0, noise: 140,
            desc: "Forecast year-end variance against the net revenue budget (overspend positive).",
            method: "Forecast outturn less approved budget, from budget monitoring; within ±£250k of a balanced budget is on track.",
            tol: "100")
        b.kbm("Agreed savings delivered (% of the year's savings target)", "%", 0, Q, H, level: 92, noise: 3,
            cumulative: true, profile: [20, 45, 75, 100],
            desc: "Savings delivered so far against the year's approved savings programme.",
            method: "Savings delivered and banked / annual savings target x 100, year to date.",
            tol: "10%", team: "Financial Planning")
        b.kbi("Undisputed invoices paid within 30 days (%)", "%", 1, M, H, level: 95.5, noise: 1.3,
            desc: "Undisputed invoices from suppliers paid within 30 days of receipt.",
            method: "Invoices paid within 30 days / undisputed invoices paid x 100.", team: "Accounts Payable",
            owner: "Gary Ibbotson, Exchequer Manager")
        b.kbi("Supplier invoices paid", "number", 0, M, N, level: 42000, noise: 500, cumulative: true,
            desc: "Supplier invoices processed and paid, year to date (context for the payments team's workload).",
            method: "Count of invoices paid in the finance system.", team: "Accounts Payable",
            owner: "Gary Ibbotson, Exchequer Manager")
        b.kbi("Sundry debt over 90 days old (£k)", "£k", 0, M, L, level: 1450, noise: 60, stretch: -0.03,
            desc: "Sundry (non-tax) debt outstanding for more than 90 days.",
            method: "Aged debt report at month end.", team: "Income", owner: "Gary Ibbotson, Exchequer Manager")
        b.kbi("Capital programme spend (% of the year's budget)", "%", 1, Q, H, level: 88, noise: 4, cumulative: true,
            profile: [12, 32, 58, 100],
            desc: "Capital spend so far against the year's approved capital programme.",
            method: "Capital spend in the year to date / approved capital budget x 100.", tol: "10%", team: "Capital")
        b.kbi("Social value secured through contracts (£k)", "£k", 0, Q, H, level: 900, noise: 60,
            desc: "Social value committed by suppliers through contracts over £100k.",
            method: "To be measured with the National TOMs framework from the next procurement round.",
            flag: .inDevelopment, team: "Procurement", owner: "Adele Norris, Procurement Manager")

        b.plan("DP-19", "Revenues and Benefits Plan", owner: "Lorraine Pike, Head of Revenues and Benefits",
            service: "Revenues and Benefits", team: "Revenues", measureOwner: "Colin Ashworth, Revenues Manager",
            source: "Revenues and benefits system (Civica Open Revenues)",
            causes: [
                "The annual billing and uprating work in April slowed processing",
                "Cost of living pressures mean more residents are paying late or falling behind",
                "Staff were diverted to the Household Support Fund and energy rebate payments",
            ],
            remedies: [
                "Reminder notices are being issued weekly and payment arrangements offered",
                "Overtime is in place until the backlog of changes is cleared",
                "Automation of Universal Credit data files went live this month",
            ],
            actions: [
                "Introduce e-billing for council tax", "Automate Universal Credit change processing",
                "Review the Council Tax Reduction scheme for 2027/28",
            ])
        b.kbm("Council tax collected (% of the year's debit, cumulative)", "%", 2, Q, H, level: 97.3, noise: 0.3,
            cumulative: true, profile: [29.6, 58.2, 86.8, 100], stretch: 0.002,
            desc: "Council tax collected so far in the year as a share of the year's net collectable debit.",
            method: "Cash collected for the current year / net collectable debit x 100, year to date.", tol: "1%")
        b.kbm("Business rates collected (% of the year's debit, cumulative)", "%", 2, Q, H, level: 98.4, noise: 0.3,
            cumulative: true, profile: [30.5, 59, 87.2, 100], stretch: 0.001,
            desc: "Non-domestic rates collected so far in the year as a share of the year's net collectable debit.",
            method: "Cash collected for the current year / net collectable debit x 100, year to date.", tol: "1%")
        b.kbi("Council tax in-year collection rate (monthly, cumulative %)", "%", 2, M, H, level: 97.3, noise: 0.3,
            cumulative: true, profile: ctaxMonthly, stretch: 0.002,
            desc: "Monthly tracking of council tax collected against the profile for the year.",
            method: "Cash collected for the current year / net collectable debit x 100, year to date.", tol: "1%")
        b.kbi("Average days to process new Housing Benefit claims", "days", 1, M, L, level: 19.5, noise: 1.8,
            season: 0.08, peak: 4,
            desc: "Speed of processing new claims for Housing Benefit.",
            method: "Mean calendar days from receipt of a claim to decision (DWP SHBE definition).",
            team: "Benefits", owner: "Rita Fernandes, Benefits Manager")
        b.kbi("Average days to process Housing Benefit changes of circumstances", "days", 1, M, L, level: 7.8,
            noise: 0.9, season: 0.25, peak: 4,
            desc: "Speed of processing changes of circumstances for Housing Benefit.",
            method: "Mean calendar days from notification of a change to its processing.",
            team: "Benefits", owner: "Rita Fernandes, Benefits Manager")
        b.kbi("Council Tax Reduction new claims decided within 14 days (%)", "%", 1, M, H, level: 90, noise: 3,
            desc: "New Council Tax Reduction claims decided within 14 days of all information being received.",
            method: "Decided within 14 days / decided x 100.", team: "Benefits", owner: "Rita Fernandes, Benefits Manager")
        b.kbi("Benefit assessments calculated correctly (%)", "%", 1, M, H, level: 98, noise: 0.9,
            desc: "Quality checked benefit assessments (new claims and changes) with no financial error.",
            method: "Checked cases without error / cases checked x 100.", team: "Benefits",
            owner: "Rita Fernandes, Benefits Manager")
        b.kbi("Council tax payers paying by direct debit (%)", "%", 1, M, H, level: 81.5, noise: 0.5, stretch: 0.005,
            desc: "Council tax accounts paying by direct debit.", method: "Accounts with a direct debit / live accounts x 100.",
            tol: "1")
        b.kbi("Discretionary Housing Payment grant spent (%)", "%", 1, A, band(5), level: 100, noise: 3,
            desc: "Discretionary Housing Payment spend against the government grant (close to 100% is best).",
            method: "DHP paid in the year / DWP grant x 100.", tol: "2", team: "Benefits",
            owner: "Rita Fernandes, Benefits Manager")
        b.kbi("Households supported through the Household Support Fund", "number", 0, Q, H, level: 1800, noise: 90,
            cumulative: true,
            desc: "Households receiving help from the Household Support Fund, year to date (new scheme from 2026/27).",
            method: "Awards made, counted once per household.", flag: .noDataYet, team: "Benefits",
            owner: "Rita Fernandes, Benefits Manager")

        b.plan("DP-20", "People and Organisational Development Plan", owner: "Nadia Sheikh, Head of HR and OD",
            service: "HR and OD", team: "HR Advisory", measureOwner: "Karen Poole, HR Business Partner",
            source: "HR and payroll system (iTrent)",
            causes: [
                "Long-term sickness absences make up a high proportion of this (47%), mainly musculoskeletal and stress related",
                "Seasonal illness in the waste and street scene teams",
                "Introduction of the new HR system caused disruption to the service which should be temporary",
            ],
            remedies: [
                "Managers are receiving attendance management refresher training",
                "Occupational health referrals are being fast-tracked for long-term cases",
                "The wellbeing programme has been extended to frontline depots",
            ],
            actions: [
                "Adopt the Workforce Strategy 2025-2028", "Complete the pay and grading review",
                "Introduce the new appraisal framework", "Launch the management development programme",
            ])
        b.kbm("Working days lost to sickness absence per FTE (cumulative)", "days", 2, Q, L, level: 8.9, noise: 0.15,
            season: 0.2, peak: 1, cumulative: true, stretch: -0.02,
            desc: "Working days lost to sickness absence per full-time equivalent employee, year to date.",
            method: "Days lost (FTE-adjusted) in the year to date / average FTE.")
        b.kbi("Working days lost per FTE (rolling 12 months)", "days", 1, M, L, level: 9.1, noise: 0.18, season: 0.04,
            peak: 2, stretch: -0.02,
            desc: "Working days lost to sickness per FTE in the 12 months to the end of the month.",
            method: "Days lost in the last 12 months / average FTE over the period.")
        b.kbi("Staff turnover (rolling 12 months, %)", "%", 1, M, band(2), level: 12, noise: 0.7,
            desc: "Voluntary and involuntary leavers as a share of headcount (between 10% and 14% is healthy).",
            method: "Leavers in the last 12 months / average headcount x 100.", tol: "1")
        b.kbi("Agency workers as a % of the workforce", "%", 1, M, L, level: 6.6, noise: 0.5, stretch: -0.04,
            desc: "Agency workers as a share of the total workforce (FTE).",
            method: "Agency FTE / (employee FTE + agency FTE) x 100 at month end.", source: "Agency contract management information")
        b.kbi("Staff with an appraisal completed (%)", "%", 1, Q, H, level: 88, noise: 3,
            desc: "Employees with an appraisal recorded in the last 12 months.",
            method: "Employees with a completed appraisal / employees in post over 6 months x 100.")
        b.kbi("Mandatory training completed (%)", "%", 1, M, H, level: 89, noise: 1.8,
            desc: "Employees up to date with mandatory e-learning (data protection, safeguarding, health and safety).",
            method: "Employees compliant / employees x 100.", source: "Learning management system")
        b.kbi("Payroll accuracy (%)", "%", 2, M, H, level: 99.7, noise: 0.15,
            desc: "Accuracy of gross and net pay calculations across all payrolls.",
            method: "Payslips without error / payslips issued x 100.", tol: "0.3", team: "Payroll",
            owner: "Ben Carver, Payroll Manager")
        b.kbi("Median gender pay gap (%)", "%", 1, A, L, level: 8.1, noise: 0.6,
            desc: "Difference between men's and women's median hourly pay as a share of men's.",
            method: "Gender pay gap reporting regulations, snapshot at 31 March.", flag: .noTarget)

        b.plan("DP-21", "Customer Services and Digital Plan", owner: "Owen Baxter, Head of Customer and Digital Services",
            service: "Customer and Digital", team: "Customer Services", measureOwner: "Lisa Grant, Customer Services Manager",
            source: "Telephony system (Mitel) and CRM",
            causes: [
                "Call volumes peaked after the annual council tax bills and garden waste renewals went out",
                "Three advisers left and their replacements are still in training",
                "The payments system outage on two days generated repeat calls",
            ],
            remedies: [
                "Callback and web chat have been promoted to spread demand",
                "New advisers complete training this month and will take calls from the 1st",
                "A recorded message now directs residents to online payment when the line is busy",
            ],
            actions: [
                "Launch the new customer portal", "Move garden waste renewals fully online",
                "Adopt the Digital Inclusion Strategy", "Replace the telephony platform",
            ])
        b.kbm("Calls answered within 60 seconds (%)", "%", 1, Q, H, level: 78, noise: 3.5, season: 0.05, peak: 6,
            desc: "Calls to the contact centre answered within 60 seconds.",
            method: "Calls answered within 60 seconds / calls offered x 100.")
        b.kbm("Customer transactions completed online (%)", "%", 1, Q, H, level: 64, noise: 1.6, stretch: 0.04,
            desc: "Service requests, applications and payments completed online rather than by phone or face to face.",
            method: "Online transactions / all transactions x 100.", source: "CRM and payment system")
        b.kbi("Calls to the contact centre", "number", 0, M, N, level: 31000, noise: 1500, season: 0.18, peak: 4,
            desc: "Calls offered to the contact centre (context).", method: "Calls offered, from the telephony system.")
        b.kbi("Average call waiting time (seconds)", "seconds", 0, M, L, level: 92, noise: 14, season: 0.25, peak: 4,
            desc: "Average time callers wait before their call is answered.",
            method: "Total queue time / calls answered.", tol: "15%")
        b.kbi("Abandoned calls (%)", "%", 1, M, L, level: 8.4, noise: 1.1, season: 0.2, peak: 4,
            desc: "Calls where the caller hangs up before being answered.", method: "Calls abandoned / calls offered x 100.")
        b.kbi("Complaints responded to within 10 working days (%)", "%", 1, M, H, level: 86, noise: 3,
            desc: "Stage 1 complaints responded to within 10 working days.", method: "Responded in time / responded x 100.",
            source: "Complaints system (Firmstep)", team: "Complaints and Feedback")
        b.kbi("Priority 1 IT incidents fixed within 4 working hours (%)", "%", 1, M, H, level: 93, noise: 3.5,
            desc: "Critical IT incidents resolved within 4 working hours.", method: "Fixed in time / P1 incidents x 100.",
            source: "IT service desk (TopDesk)", team: "ICT Service Desk", owner: "Kevin Shaw, ICT Service Manager")
        b.kbi("Availability of key IT systems (%)", "%", 2, M, H, level: 99.7, noise: 0.15,
            desc: "Time key business systems were available during core hours.",
            method: "Available minutes / scheduled minutes x 100.", source: "IT service desk (TopDesk)", tol: "0.2",
            team: "ICT Infrastructure", owner: "Kevin Shaw, ICT Service Manager")
        b.kbi("Website customer satisfaction (%)", "%", 1, M, H, level: 68, noise: 3,
            desc: "Website visitors rating their visit good or excellent. Retired in April 2025 when the GovMetric contract ended.",
            method: "Good or excellent ratings / all ratings x 100.", source: "GovMetric", flag: .retired,
            team: "Digital", owner: "Lisa Grant, Customer Services Manager")
        b.kbi("Customer effort score", "score", 1, Q, H, level: 3.8, noise: 0.1,
            desc: "How easy residents found it to get what they needed (1 to 5).",
            method: "Post-contact survey to be introduced with the new customer portal.", flag: .inDevelopment)

        b.plan("DP-22", "Governance and Information Plan",
            owner: "Elaine Stowe, Head of Legal and Democratic Services (Monitoring Officer)",
            service: "Legal and Democratic Services", team: "Information Governance",
            measureOwner: "Mohammed Aziz, Information Governance Manager", source: "Information requests system (iCasework)",
            causes: [
                "A number of complex requests required input from several services",
                "Two large subject access requests involved over 4,000 pages for review and redaction",
                "Staff absence in the Information Governance team",
            ],
            remedies: [
                "Request owners in each directorate receive a weekly reminder of deadlines",
                "Redaction software has been procured to speed up large requests",
                "Performance is reported monthly to the Corporate Management Team",
            ],
            actions: [
                "Review the Constitution", "Complete the annual governance statement action plan",
                "Deliver member induction after the May elections", "Implement the records retention schedule",
            ])
        b.kbm("FOI and EIR requests answered within 20 working days (%)", "%", 1, Q, H, level: 91, noise: 2.5,
            stretch: 0.005,
            desc: "Freedom of Information and Environmental Information Regulations requests answered in time.",
            method: "Requests answered within 20 working days / requests due x 100.")
        b.kbi("Subject access requests answered within one month (%)", "%", 1, M, H, level: 84, noise: 4,
            desc: "Requests for personal data answered within the statutory month (or extension).",
            method: "Answered in time / answered x 100.")
        b.kbi("Committee minutes published within 10 working days (%)", "%", 0, M, H, level: 96, noise: 3,
            desc: "Minutes of council and committee meetings published within 10 working days.",
            method: "Published in time / meetings held x 100.", source: "Committee management system (Modern.gov)",
            team: "Democratic Services", owner: "Julie Marsh, Democratic Services Manager")
        b.kbi("High-risk internal audit recommendations implemented on time (%)", "%", 1, Q, H, level: 88, noise: 4,
            desc: "High-risk audit recommendations implemented by the agreed date.",
            method: "Implemented on time / due x 100.", source: "Internal audit tracker", team: "Internal Audit",
            owner: "Phil Gregory, Chief Internal Auditor")
        b.kbi("Internal audit plan completed (%)", "%", 0, Q, H, level: 93, noise: 3, cumulative: true,
            profile: [15, 40, 70, 100],
            desc: "Audits in the approved annual plan completed to final report, year to date.",
            method: "Audits completed / audits in the plan x 100; the plan is weighted to the second half of the year.",
            source: "Internal audit tracker", tol: "10%", team: "Internal Audit", owner: "Phil Gregory, Chief Internal Auditor")
        b.kbi("Complaints upheld by the Local Government and Social Care Ombudsman", "number", 0, A, L, level: 9,
            noise: 2,
            desc: "Complaints about the council upheld by the Ombudsman in the year.",
            method: "LGSCO annual review letter.", source: "LGSCO annual review", flag: .noTarget, team: "Complaints and Feedback")

        b.plan("DP-23", "Property and Assets Plan", owner: "Graham Hurst, Head of Property and Estates",
            service: "Property and Estates", team: "Estates", measureOwner: "Ruth Connolly, Estates Manager",
            source: "Property management system (Concerto)",
            causes: [
                "Two tenants at the Kingsgate Industrial Estate went into administration",
                "Access problems delayed fire risk assessments at three community centres",
                "The finance system migration held up rent demand runs this month",
            ],
            remedies: [
                "Recovery action is under way and the units are being remarketed",
                "Assessments have been rebooked with the building managers",
                "Legal Services are pursuing the largest debts",
            ],
            actions: [
                "Dispose of the former Castle Street depot", "Complete the Asset Management Plan",
                "Rationalise the office estate", "Deliver the community asset transfer programme",
            ])
        b.kbm("Council buildings with a valid fire risk assessment (%)", "%", 1, Q, H, level: 98.5, noise: 1.2,
            stretch: 0,
            desc: "Operational buildings with an in-date fire risk assessment.",
            method: "Buildings with a valid assessment / operational buildings x 100.", tol: "2",
            team: "Compliance", owner: "Andy Stead, Compliance Manager")
        b.kbi("Commercial rent arrears (£k)", "£k", 0, M, L, level: 205, noise: 14,
            desc: "Rent owed by tenants of the council's commercial estate at month end.",
            method: "Aged debt report for commercial rent accounts.", flag: .overdueMissingRow)
        b.kbi("Capital receipts from asset disposals (£k)", "£k", 0, Q, H, level: 2400, noise: 150, cumulative: true,
            desc: "Capital receipts from the sale of surplus assets, year to date.",
            method: "Completed disposals, net of costs.", tol: "15%")
        b.kbi("Reactive property repairs completed within target time (%)", "%", 1, M, H, level: 87, noise: 3,
            desc: "Reactive repairs to operational buildings completed within their priority timescale.",
            method: "Completed in time / completed x 100.", team: "Facilities Management",
            owner: "Andy Stead, Compliance Manager")
    }
}
