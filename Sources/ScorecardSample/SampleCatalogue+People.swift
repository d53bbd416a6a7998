import ScorecardKit
/// The sample council's catalogue, continued: communities, children, adults.
extension SampleCatalogue {
    // MARK: P4

    static func communities(_ b: SampleCatalogueBuilder) {
        b.priority("P4", "Safe, healthy and active communities",
            lead: "Cllr Gareth Lloyd, Cabinet Member for Communities and Public Protection",
            "Neighbourhoods where people feel safe, look after each other and lead active, healthy lives.")
        b.outcome("Total recorded crime per 1,000 population", "per 1,000", 1, A, L, level: 71.5, noise: 2.5,
            desc: "Police recorded crime (excluding fraud) per 1,000 residents.",
            method: "Recorded offences in the financial year / mid-year population x 1,000.",
            source: "ONS Crime in England and Wales, Community Safety Partnership tables", lag: 120)
        b.outcome("Residents who feel safe outside after dark (%)", "%", 0, A, H, level: 71, noise: 2,
            desc: "Residents' survey respondents who feel very or fairly safe outside in their area after dark.",
            method: "'Very' or 'fairly safe' / all valid responses x 100, weighted to the population.",
            source: "Fernley Residents' Survey", lag: 90)
        b.outcome("Physically active adults (%)", "%", 1, A, H, level: 66.4, noise: 1.2,
            desc: "Adults doing at least 150 minutes of moderate intensity activity a week.",
            method: "Sport England Active Lives Adult Survey, November to November.",
            source: "Sport England Active Lives Survey", lag: 240)
        b.outcome("Life expectancy at birth, males (years)", "years", 1, CY, H, level: 79.4, noise: 0.25,
            stretch: 0.002,
            desc: "Average years a newborn boy would live at current mortality rates (3-year figure ending in the year).",
            method: "OHID Public Health Outcomes Framework indicator A01b.",
            source: "OHID Fingertips (Public Health Outcomes Framework)", lag: 365, flag: .noTarget)

        b.plan("DP-10", "Community Safety Partnership Plan", owner: "Karen Whitby, Head of Community Safety",
            service: "Community Safety", team: "Anti-social Behaviour", measureOwner: "Dean Mottram, Community Safety Manager",
            source: "Police and council ASB case management (ECINS)",
            causes: [
                "Reclassification of miscellaneous incidents by the police has led to an increase; monitor for next quarter",
                "Increase in incidents related to the night-time economy in the town centre",
                "A group of youths on the Brookfield estate accounted for a large share of reports",
            ],
            remedies: [
                "Multi-agency response to address and reduce town centre issues, including early intervention patrolling and increased enforcement",
                "Community Protection Warnings have been issued and youth outreach workers are engaging with the group",
                "The Partnership Tasking Group is reviewing hotspots fortnightly",
            ],
            actions: [
                "Renew the Public Spaces Protection Order for the town centre", "Upgrade the CCTV control room",
                "Publish the Community Safety Partnership Strategy 2025-2028", "Achieve White Ribbon accreditation",
            ])
        b.kbm("Anti-social behaviour incidents reported to the police", "number", 0, Q, L, level: 790, noise: 40,
            season: 0.15, peak: 7, stretch: -0.03,
            desc: "ASB incidents reported to Fernshire Police in the borough.",
            method: "Incidents recorded on the police command and control system.", source: "Fernshire Police")
        b.kbm("Domestic abuse incidents and crimes reported to the police", "number", 0, Q, N, level: 560, noise: 30,
            season: 0.08, peak: 12,
            desc: "Domestic abuse incidents and crimes reported (data only: an increase may show more confidence to report).",
            method: "Incidents and crimes flagged as domestic abuse by the police.", source: "Fernshire Police")
        b.kbi("Council ASB cases resolved within 30 days (%)", "%", 1, M, H, level: 82, noise: 4,
            desc: "Anti-social behaviour cases opened by the council closed within 30 days.",
            method: "Cases closed within 30 days / cases closed x 100.")
        b.kbi("Repeat victims of anti-social behaviour", "number", 0, M, L, level: 14, noise: 3,
            desc: "Victims reporting ASB three or more times in a rolling 12 months.",
            method: "Count of victims meeting the repeat definition at month end.")
        b.kbi("Incidents identified by CCTV operators", "number", 0, M, N, level: 240, noise: 22, season: 0.12,
            peak: 7,
            desc: "Incidents spotted by the CCTV control room and passed to the police (context).",
            method: "Count from the control room incident log.", team: "CCTV", owner: "Pete Rahman, CCTV Manager")

        b.plan("DP-11", "Environmental Health and Licensing Plan", owner: "Martin Doyle, Head of Regulatory Services",
            service: "Regulatory Services", team: "Food and Safety", measureOwner: "Sian Parry, Food and Safety Team Leader",
            source: "Regulatory services system (Idox Uniform)",
            causes: [
                "Four of the inspections due were not completed on time because of officer sickness",
                "A large outbreak investigation took officers away from planned work",
                "A backlog built up after the new licensing system went live",
            ],
            remedies: [
                "The remaining inspections were completed in the following month",
                "Contractor inspectors have been engaged for lower-risk premises",
                "Additional admin support has been provided until the backlog is cleared",
            ],
            actions: [
                "Review the Statement of Licensing Policy", "Adopt the Private Sector Housing Enforcement Policy",
                "Deliver the food hygiene recovery plan",
            ])
        b.kbm("Food premises rated 4 or 5 for food hygiene (%)", "%", 1, Q, H, level: 92.5, noise: 0.9,
            desc: "Rated food businesses with a food hygiene rating of 4 (good) or 5 (very good).",
            method: "Premises rated 4 or 5 / all rated premises x 100 at quarter end.", source: "Food Standards Agency FHRS")
        b.kbm("Due food hygiene inspections completed (%)", "%", 1, Q, H, level: 94, noise: 3,
            desc: "High-risk (A-C) food hygiene inspections completed by their due date.",
            method: "Inspections completed on time / inspections due x 100.")
        b.kbi("Licence applications processed within statutory timescales (%)", "%", 1, M, H, level: 97, noise: 1.6,
            desc: "Premises, personal and taxi licence applications processed in time.",
            method: "Applications processed in time / applications processed x 100.",
            team: "Licensing", owner: "Jo Kirby, Licensing Manager")
        b.kbi("Noise complaints responded to within 2 working days (%)", "%", 1, M, H, level: 90, noise: 3.5,
            season: 0.04, peak: 1,
            desc: "Noise complaints where the complainant is contacted within 2 working days.",
            method: "Contacted in time / complaints received x 100.", team: "Environmental Protection")
        b.kbi("Pest control requests responded to within 3 working days (%)", "%", 1, M, H, level: 94, noise: 2.5,
            desc: "Pest control service requests visited within 3 working days.",
            method: "Visited in time / requests x 100.", team: "Pest Control")
        b.kbi("Private rented homes with Category 1 hazards removed", "number", 0, M, H, level: 85, noise: 4,
            cumulative: true,
            desc: "Serious (Category 1) hazards removed from private rented homes, year to date.",
            method: "Hazards confirmed removed after inspection, year to date.", team: "Private Sector Housing",
            owner: "Nick Harland, Private Sector Housing Manager")

        b.plan("DP-12", "Leisure, Culture and Wellbeing Plan", owner: "Rhys Morgan, Head of Leisure and Culture",
            service: "Leisure and Culture", team: "Leisure", measureOwner: "Emma Stroud, Leisure Contract Manager",
            source: "Leisure operator management information",
            causes: [
                "The main pool at Fernley Leisure Centre closed for five weeks for essential roof repairs",
                "Hot weather reduced gym and indoor attendances",
                "Reduced opening hours at two branch libraries because of staff vacancies",
            ],
            remedies: [
                "Swimming clubs were relocated to the Castle Leisure Centre and lessons have resumed",
                "The operator is running a membership promotion in January",
                "Volunteers are supporting extended opening at the branch libraries",
            ],
            actions: [
                "Refurbish the Castle Leisure Centre changing rooms", "Re-procure the leisure management contract",
                "Open the library and family hub at Brookfield", "Deliver the Fernley Arts Festival",
            ])
        b.kbm("Leisure centre visits", "number", 0, Q, H, level: 1_150_000, noise: 25000, cumulative: true,
            stretch: 0.03,
            desc: "Visits to the council's three leisure centres, year to date.", method: "Turnstile and booking system counts.")
        b.kbm("Library visits (physical and online)", "number", 0, Q, H, level: 520_000, noise: 12000,
            cumulative: true, stretch: 0.02,
            desc: "Visits to libraries and library website sessions, year to date.",
            method: "Door counters plus website sessions from analytics.", source: "Library management system (Spydus)",
            team: "Libraries", owner: "Gwen Talbot, Libraries Manager")
        b.kbi("Leisure centre members (direct debit)", "number", 0, M, H, level: 8400, noise: 90, season: 0.05,
            peak: 2, stretch: 0.03,
            desc: "Active direct debit members at month end.", method: "Member count from the operator's system.",
            tol: "3%")
        b.kbi("Free swims by under-16s", "number", 0, M, H, level: 2300, noise: 200, season: 0.35, peak: 8,
            desc: "Free swimming sessions taken by children during school holidays and weekends.",
            method: "Sessions booked with the free swim card.", flag: .noTarget)
        b.kbi("Museum visitors", "number", 0, M, N, level: 4100, noise: 300, season: 0.3, peak: 8,
            desc: "Visitors to Fernley Museum and the Old Mill gallery (context).", method: "Door counter readings.",
            team: "Museums", owner: "Gwen Talbot, Libraries Manager")
        b.kbi("Library book issues (physical)", "number", 0, M, H, level: 38000, noise: 2000, season: 0.1, peak: 8,
            desc: "Physical items issued by the libraries. Retired in April 2025: replaced by 'Library visits (physical and online)'.",
            method: "Issues recorded in the library management system.", source: "Library management system (Spydus)",
            flag: .retired, team: "Libraries", owner: "Gwen Talbot, Libraries Manager")
    }

    // MARK: P5

    static func children(_ b: SampleCatalogueBuilder) {
        b.priority("P5", "The best start for children and young people",
            lead: "Cllr Rachel Osei, Cabinet Member for Children and Families",
            "Children are safe, healthy and happy, and every young person can reach their potential.")
        b.outcome("Children in relative low-income families (%)", "%", 1, A, L, level: 17.8, noise: 0.5,
            desc: "Children under 16 in families with income below 60% of the median, before housing costs.",
            method: "DWP Children in low income families local measure.", source: "DWP Stat-Xplore", lag: 365,
            flag: .noTarget)
        b.outcome("Pupils meeting the expected standard in reading, writing and maths at KS2 (%)", "%", 0, A, H,
            level: 60, noise: 1.5,
            desc: "Year 6 pupils reaching the expected standard in all three of reading, writing and maths.",
            method: "DfE key stage 2 attainment, state-funded schools (academic year ending in the financial year).",
            source: "DfE Explore Education Statistics", lag: 240)
        b.outcome("Children achieving a good level of development at age 5 (%)", "%", 1, A, H, level: 67.5, noise: 1,
            desc: "Reception pupils reaching a good level of development in the Early Years Foundation Stage Profile.",
            method: "DfE EYFSP results.", source: "DfE Explore Education Statistics", lag: 240)
        b.outcome("Average Attainment 8 score", "score", 1, A, H, level: 46.2, noise: 0.6,
            desc: "Average Attainment 8 score per pupil at the end of key stage 4.", method: "DfE key stage 4 performance.",
            source: "DfE Explore Education Statistics", lag: 270)

        b.plan("DP-13", "Children's Social Care Improvement Plan", owner: "Dr Simon Akers, Director of Children's Services",
            service: "Children's Services", team: "Children's Social Care", measureOwner: "Michelle Grady, Assistant Director Safeguarding",
            source: "Children's social care system (Liquidlogic)",
            causes: [
                "High caseloads in the assessment teams while four social worker posts are covered by agency staff",
                "A rise in contacts after the start of the school term",
                "Placement sufficiency remains a pressure, with few local foster carers for older children",
            ],
            remedies: [
                "Team managers are reviewing all assessments over 35 days each week",
                "A recruitment and retention package for social workers was agreed by Cabinet in June",
                "The fostering recruitment campaign has generated 22 enquiries this quarter",
            ],
            actions: [
                "Implement the Ofsted improvement plan", "Open two new children's homes in the borough",
                "Launch the Family Help service", "Introduce the social work academy",
            ])
        b.kbm("Looked-after children per 10,000 children", "per 10,000", 1, Q, L, level: 58, noise: 1.1, stretch: -0.01,
            desc: "Children looked after by the council at quarter end, per 10,000 children under 18.",
            method: "Looked-after children at quarter end / population under 18 x 10,000.", tol: "2")
        b.kbm("Child protection plans per 10,000 children", "per 10,000", 1, Q, N, level: 41, noise: 2,
            desc: "Children subject to a child protection plan at quarter end (context).",
            method: "Children on a plan at quarter end / population under 18 x 10,000.")
        b.kbm("Re-referrals to children's social care within 12 months (%)", "%", 1, Q, L, level: 19.5, noise: 1.3,
            desc: "Referrals within 12 months of a previous referral for the same child.",
            method: "Re-referrals / referrals in the quarter x 100.")
        b.kbm("Children's social care assessments completed within 45 working days (%)", "%", 1, Q, H, level: 87,
            noise: 3,
            desc: "Single assessments authorised within the statutory 45 working days.",
            method: "Assessments completed in time / assessments completed x 100.")
        b.kbi("Looked-after children with 3 or more placements in the last 12 months (%)", "%", 1, M, L, level: 9.2,
            noise: 0.8,
            desc: "Placement stability: children looked after who had three or more placements in 12 months.",
            method: "Children with 3+ placements in the last 12 months / children looked after x 100.")
        b.kbi("Child protection visits completed within timescale (%)", "%", 1, M, H, level: 94, noise: 2,
            desc: "Statutory visits to children on child protection plans within 10 working days.",
            method: "Visits in time / visits due x 100.")
        b.kbi("Care leavers aged 19-21 in education, employment or training (%)", "%", 1, M, H, level: 56, noise: 2.5,
            desc: "Care leavers aged 19 to 21 who are in education, employment or training.",
            method: "Care leavers in EET / care leavers in touch x 100.", team: "Leaving Care")
        b.kbi("Social worker vacancy rate (%)", "%", 1, M, L, level: 14, noise: 1.2, stretch: -0.05,
            desc: "Vacant qualified social worker posts in children's services.",
            method: "Vacant FTE / establishment FTE x 100 at month end.", source: "HR establishment report")
        b.kbi("Initial child protection conferences within 15 working days (%)", "%", 1, M, H, level: 84, noise: 5,
            desc: "Initial conferences held within 15 working days of the strategy discussion.",
            method: "Conferences in time / conferences held x 100.", team: "Safeguarding Quality Assurance")
        b.kbi("Children waiting over 18 weeks for emotional wellbeing support", "number", 0, M, L, level: 120,
            noise: 10,
            desc: "Children on the waiting list for the partnership's emotional wellbeing service.",
            method: "Data sharing agreement with the NHS trust not yet in place.", source: "NHS trust (to be confirmed)",
            flag: .inDevelopment)

        b.plan("DP-14", "SEND and Inclusion Plan", owner: "Bethany Lowe, Head of SEND and Inclusion",
            service: "Children's Services", team: "SEND Statutory Assessment", measureOwner: "Craig Atherton, SEND Manager",
            source: "SEND case management system (Synergy)",
            causes: [
                "Requests for needs assessments are 28% higher than last year",
                "Educational psychology advice is taking longer because of national shortages of psychologists",
                "Two SEND caseworker posts are vacant",
            ],
            remedies: [
                "Locum educational psychologists have been commissioned to clear the backlog of advice",
                "A weekly tracker of every plan due in the next four weeks is reviewed by the SEND Manager",
                "The SEND improvement board has agreed additional caseworker capacity",
            ],
            actions: [
                "Deliver the Safety Valve agreement", "Open the new specialist resource base at Northfield Primary",
                "Refresh the Local Offer website", "Respond to the local area SEND inspection",
            ])
        b.kbm("New EHC plans issued within 20 weeks, excluding exceptions (%)", "%", 1, Q, H, level: 58, noise: 6,
            stretch: 0.05,
            desc: "New Education, Health and Care plans issued within the statutory 20 weeks.",
            method: "Plans issued within 20 weeks / plans issued x 100, excluding exception cases (SEN2).", tol: "10%")
        b.kbi("EHC needs assessment requests received", "number", 0, M, N, level: 62, noise: 9, season: 0.2, peak: 11,
            stretch: 0.06,
            desc: "Requests for an Education, Health and Care needs assessment (context).",
            method: "Count of requests logged in the month.")
        b.kbi("EHC plan annual reviews completed within timescale (%)", "%", 1, M, H, level: 71, noise: 4,
            desc: "Annual reviews of EHC plans completed and amended within statutory timescales.",
            method: "Reviews completed in time / reviews due x 100.")
        b.kbi("Children with an EHC plan in independent special schools (%)", "%", 1, M, L, level: 12.2, noise: 0.4,
            desc: "Pupils with EHC plans placed in independent or non-maintained special schools.",
            method: "Placements in independent schools / all EHC plans x 100 at month end.")

        b.plan("DP-15", "Education and Early Years Plan", owner: "Tariq Mahmood, Head of Education",
            service: "Children's Services", team: "School Improvement", measureOwner: "Louise Hartley, School Effectiveness Manager",
            source: "Schools management information (Capita One)",
            causes: [
                "Persistent absence rose after the winter illness peak",
                "Two schools were judged 'requires improvement' at recent inspections",
                "Take-up of funded places is low in the Brookfield and Kingsmead wards",
            ],
            remedies: [
                "The attendance team is running targeted casework with the schools with the highest absence",
                "School improvement advisers are supporting both schools with action plans",
                "Family hub outreach workers are promoting funded places door to door",
            ],
            actions: [
                "Expand Castle Primary School by one form of entry", "Publish the School Place Planning Strategy",
                "Roll out the attendance support service",
            ])
        b.kbm("Schools judged good or outstanding by Ofsted (%)", "%", 0, Q, H, level: 88, noise: 1.5,
            desc: "Schools in the borough whose latest Ofsted judgement is good or outstanding.",
            method: "Schools judged good or outstanding / schools inspected x 100.", source: "Ofsted management information")
        b.kbm("Pupils persistently absent (%)", "%", 1, Q, L, level: 18.8, noise: 1, season: 0.1, peak: 2,
            stretch: -0.04,
            desc: "Pupils missing 10% or more of possible sessions (persistent absence), all schools.",
            method: "Persistently absent pupils / pupils on roll x 100, from the school census return.",
            source: "School census attendance data", tol: "1", team: "Attendance Support")
        b.kbi("Eligible 2-year-olds taking up a funded early education place (%)", "%", 1, M, H, level: 76, noise: 2.2,
            season: 0.05, peak: 2,
            desc: "Eligible two-year-olds taking up their funded 15 hours.",
            method: "Children taking up a place / eligible children on the DWP list x 100.", team: "Early Years")
        b.kbi("Permanent exclusions", "number", 0, M, L, level: 27, noise: 1.5, cumulative: true,
            desc: "Permanent exclusions from schools in the borough, year to date.",
            method: "Exclusions notified to the council.", team: "Inclusion")
        b.kbi("Children missing education", "number", 0, M, L, level: 44, noise: 6, season: 0.2, peak: 9,
            desc: "Children of compulsory school age not on a school roll and not receiving suitable education.",
            method: "Open children missing education cases at month end.", team: "Education Welfare")
        b.kbi("Primary school applicants offered their first preference (%)", "%", 1, A, H, level: 92, noise: 1.2,
            desc: "Reception applicants offered a place at their first preference school on national offer day.",
            method: "First preference offers / on-time applicants x 100.", team: "School Admissions")
    }

    // MARK: P6

    static func adults(_ b: SampleCatalogueBuilder) {
        b.priority("P6", "Independence and wellbeing for adults",
            lead: "Cllr David Brennan, Cabinet Member for Adult Social Care and Health",
            "Adults live independent, healthy lives for longer, with the right support when they need it.")
        b.outcome("Adults who smoke (%)", "%", 1, CY, L, level: 11.9, noise: 0.8, stretch: -0.05,
            desc: "Smoking prevalence in adults aged 18 and over.", method: "OHID indicator from the Annual Population Survey.",
            source: "OHID Fingertips (Local Tobacco Control Profiles)", lag: 270)
        b.outcome("Healthy life expectancy at birth, females (years)", "years", 1, CY, H, level: 63.8, noise: 0.5,
            desc: "Years a newborn girl would live in good health (3-year figure ending in the year).",
            method: "OHID Public Health Outcomes Framework indicator A01a.",
            source: "OHID Fingertips (Public Health Outcomes Framework)", lag: 365, flag: .noTarget)
        b.outcome("Emergency hospital admissions due to falls, aged 65+, per 100,000", "per 100,000", 0, A, L,
            level: 2080, noise: 60, stretch: -0.02,
            desc: "Emergency admissions for falls injuries in people aged 65 and over, age-standardised.",
            method: "OHID indicator C29 (persons, 65+).", source: "OHID Fingertips (Public Health Outcomes Framework)",
            lag: 240)
        b.outcome("Adults who feel lonely often or always (%)", "%", 1, A, L, level: 7.5, noise: 0.5,
            desc: "Adults reporting feeling lonely often or always.",
            method: "To be taken from the Residents' Survey from 2027; question wording being agreed.",
            source: "Fernley Residents' Survey", flag: .inDevelopment)

        b.plan("DP-16", "Adult Social Care Plan", owner: "Julia Reeves, Director of Adult Social Services",
            service: "Adult Social Care", team: "Assessment and Care Management", measureOwner: "Richard Okoye, Head of Adult Operations",
            source: "Adult social care system (Mosaic)",
            causes: [
                "Hospital discharges were 15% higher than planned and the home care market could not meet demand",
                "Occupational therapy waiting lists grew after two therapists left",
                "Provider failure at one residential home meant 14 residents had to be moved",
            ],
            remedies: [
                "Additional home care hours have been commissioned through the framework",
                "A trusted assessor arrangement with the hospital trust started this month",
                "The waiting list is being triaged weekly so the most urgent cases are seen first",
            ],
            actions: [
                "Implement the Adult Social Care Charging Policy review", "Prepare for CQC assessment of adult social care",
                "Open the Orchard Court extra care scheme", "Re-commission home care services",
            ])
        b.kbm("Delayed transfers of care from hospital (average daily delayed beds per 100,000 adults)",
            "per 100,000", 1, Q, L, level: 9.6, noise: 0.6, stretch: -0.03,
            desc: "Adults medically fit for discharge but delayed in hospital, average per day, per 100,000 adults.",
            method: "Average daily delayed beds reported by the acute trust / population aged 18+ x 100,000.",
            source: "NHS acute trust discharge sitreps", flag: .overdueMissingRow)
        b.kbm("Older people at home 91 days after discharge into reablement (%)", "%", 1, Q, H, level: 83, noise: 2,
            desc: "People aged 65+ still at home 91 days after leaving hospital into reablement (ASCOF 2B).",
            method: "People at home at 91 days / people discharged into reablement x 100.", team: "Reablement")
        b.kbm("Permanent admissions to residential and nursing care, aged 65+, per 100,000", "per 100,000", 1, Q, L,
            level: 560, noise: 15, cumulative: true, stretch: -0.02,
            desc: "Council-funded permanent admissions of people aged 65+ to care homes, year to date (ASCOF 2A).",
            method: "Admissions in the year to date / population 65+ x 100,000.")
        b.kbi("Adults receiving direct payments (%)", "%", 1, M, H, level: 27, noise: 0.7, stretch: 0.02,
            desc: "Adults receiving long-term community support through a direct payment.",
            method: "Adults with a direct payment / adults receiving long-term community support x 100.")
        b.kbi("Care Act assessments completed within 28 days (%)", "%", 1, M, H, level: 72, noise: 4,
            desc: "Care needs assessments completed within 28 days of the first contact.",
            method: "Assessments completed within 28 days / assessments completed x 100.")
        b.kbi("People waiting for a care needs assessment", "number", 0, M, L, level: 305, noise: 22, season: 0.08,
            peak: 1, stretch: -0.06,
            desc: "People waiting for a Care Act assessment at month end.", method: "Snapshot of the waiting list.")
        b.kbi("Safeguarding enquiries where the risk was reduced or removed (%)", "%", 1, M, H, level: 92, noise: 2,
            desc: "Concluded section 42 enquiries where the risk was reduced or removed.",
            method: "Enquiries with risk reduced or removed / enquiries concluded x 100.", team: "Adult Safeguarding")
        b.kbi("Adult social care providers rated good or outstanding by CQC (%)", "%", 1, Q, H, level: 84, noise: 1.5,
            desc: "Registered care providers in the borough rated good or outstanding by CQC.",
            method: "Providers rated good or outstanding / rated providers x 100.", source: "CQC care directory",
            flag: .noTarget, team: "Commissioning", owner: "Sam Whitworth, Commissioning Manager")
        b.kbi("Carers' assessments completed", "number", 0, M, H, level: 62, noise: 8,
            desc: "Assessments of unpaid carers' needs completed in the month.", method: "Count of completed carer assessments.")

        b.plan("DP-17", "Public Health Plan", owner: "Dr Anita Ghosh, Director of Public Health",
            service: "Public Health", team: "Health Improvement", measureOwner: "Kate Brennan, Public Health Programme Manager",
            source: "Public health commissioned provider returns",
            causes: [
                "GP practices delivering NHS Health Checks reduced invitations during the winter vaccination campaign",
                "The stop smoking service lost its advisor at the Brookfield clinic",
                "Provider data is still being validated for the period",
            ],
            remedies: [
                "An outreach Health Check service is running in workplaces and community venues",
                "A replacement advisor starts next month and a digital quit option has been launched",
                "Public Health is working with the provider on a data improvement plan",
            ],
            actions: [
                "Re-commission the integrated sexual health service", "Publish the Joint Strategic Needs Assessment",
                "Deliver the Healthy Weight Strategy action plan",
            ])
        b.kbm("NHS Health Checks delivered to eligible residents aged 40-74", "number", 0, Q, H, level: 5200,
            noise: 160, cumulative: true, profile: [20, 45, 70, 100], stretch: 0.03,
            desc: "NHS Health Checks received by eligible residents, year to date.",
            method: "Checks delivered as reported by GP practices and the outreach provider.", tol: "10%")
        b.kbm("People quitting smoking at 4 weeks", "number", 0, Q, H, level: 640, noise: 25, cumulative: true,
            desc: "Smokers setting a quit date who have quit at the 4-week follow up, year to date.",
            method: "Self-reported quits confirmed by CO monitoring where possible.", source: "Stop smoking service returns",
            tol: "10%")
        b.kbi("Opiate users completing drug treatment successfully (%)", "%", 1, M, H, level: 5.6, noise: 0.5,
            desc: "Opiate users leaving treatment successfully who do not re-present within 6 months.",
            method: "Successful completions / adults in treatment x 100 (NDTMS).", source: "NDTMS", tol: "0.5")
        b.kbi("New birth visits by a health visitor within 14 days (%)", "%", 1, M, H, level: 91, noise: 2.5,
            desc: "Babies receiving a new birth visit from a health visitor within 14 days.",
            method: "Visits within 14 days / births notified x 100.", source: "0-19 service provider returns",
            team: "0-19 Commissioning")
        b.kbi("Mothers smoking at time of delivery (%)", "%", 1, Q, L, level: 9.1, noise: 0.6, stretch: -0.04,
            desc: "Women known to be smokers at the time of delivery.",
            method: "Smokers at delivery / maternities x 100 (SATOD return).", source: "NHS SATOD return",
            flag: .overdueEmptyValue, team: "0-19 Commissioning")
        b.kbi("Chlamydia detection rate per 100,000 aged 15-24", "per 100,000", 0, Q, H, level: 1650, noise: 90,
            desc: "Chlamydia diagnoses in young people aged 15-24 per 100,000 (higher shows more testing).",
            method: "Diagnoses / population aged 15-24 x 100,000 (CTAD).", source: "UKHSA CTAD",
            flag: .overdueMissingRow, team: "Sexual Health Commissioning")
    }
}
