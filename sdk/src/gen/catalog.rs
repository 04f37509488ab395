//! Invented but realistic catalogues for the generator. Codes have the right shape; they are not
//! claimed to exist in the national catalogues (DMDC), except the ICD-10 codes, which are taken
//! from QĐ 4469 and carry no sex or age constraint for adults.

/// Family names.
pub const HO: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
/// Middle names for men.
pub const DEM_NAM: &[&str] = &["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Gia", "Công"];
/// Middle names for women.
pub const DEM_NU: &[&str] = &["Thị", "Ngọc", "Thanh", "Minh", "Thu", "Bảo", "Kim"];
/// Given names for men.
pub const TEN_NAM: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn",
    "Tuấn", "Việt",
];
/// Given names for women.
pub const TEN_NU: &[&str] = &[
    "Anh", "Chi", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Phương", "Thảo",
    "Trang", "Yến",
];
/// Streets.
pub const DUONG: &[&str] = &[
    "Lê Lợi",
    "Trần Hưng Đạo",
    "Nguyễn Trãi",
    "Hai Bà Trưng",
    "Điện Biên Phủ",
    "Cách Mạng Tháng Tám",
    "Võ Văn Tần",
];
/// Wards.
pub const PHUONG: &[&str] = &[
    "Phường Bến Nghé",
    "Phường Võ Thị Sáu",
    "Phường Tân Định",
    "Phường Đa Kao",
    "Phường Cầu Kho",
];

/// Card prefix and its benefit level digit (QĐ 1351/QĐ-BHXH groups).
pub const CARD_PREFIXES: &[(&str, u8)] = &[
    ("GD", 4),
    ("GD", 4),
    ("DN", 4),
    ("DN", 4),
    ("HC", 4),
    ("HT", 3),
    ("HT", 3),
    ("CN", 3),
    ("TE", 1),
    ("CC", 1),
    ("HN", 2),
    ("CB", 2),
    ("XB", 4),
    ("NO", 4),
    ("SV", 4),
    ("HS", 4),
];

/// Benefit level (`MUC_HUONG`) of a card benefit digit.
pub fn muc_huong(level: u8) -> u64 {
    match level {
        3 => 95,
        4 => 80,
        _ => 100,
    }
}

/// (ICD-10 code, diagnosis text, typical for inpatient care)
pub const DIAGNOSES: &[(&str, &str, bool)] = &[
    ("E11.9", "Đái tháo đường type 2 không biến chứng", false),
    ("I10", "Tăng huyết áp vô căn", false),
    ("J06.9", "Nhiễm trùng đường hô hấp trên cấp", false),
    ("K29.7", "Viêm dạ dày", false),
    ("M54.5", "Đau cột sống thắt lưng", false),
    ("J20.9", "Viêm phế quản cấp", false),
    ("K21.9", "Trào ngược dạ dày - thực quản", false),
    ("E78.5", "Tăng lipid máu", false),
    ("J18.9", "Viêm phổi", true),
    ("K35.8", "Viêm ruột thừa cấp", true),
    ("I63.9", "Nhồi máu não", true),
    ("A09.9", "Viêm dạ dày - ruột nhiễm khuẩn", true),
    ("N39.0", "Nhiễm khuẩn tiết niệu", true),
];

/// A drug: code, name, unit, strength, route code, price, payment ratio, dosage text.
pub struct Drug {
    pub code: &'static str,
    pub name: &'static str,
    pub unit: &'static str,
    pub strength: &'static str,
    pub route: &'static str,
    pub price: u64,
    pub ratio: u64,
    pub dosage: &'static str,
}

/// Drugs.
pub const DRUGS: &[Drug] = &[
    Drug {
        code: "40.677",
        name: "Metformin",
        unit: "viên",
        strength: "500mg",
        route: "1.01",
        price: 1250,
        ratio: 100,
        dosage: "2 viên/ngày, chia 2 lần",
    },
    Drug {
        code: "40.678",
        name: "Gliclazid",
        unit: "viên",
        strength: "30mg",
        route: "1.01",
        price: 3800,
        ratio: 100,
        dosage: "1 viên/ngày, uống buổi sáng",
    },
    Drug {
        code: "40.521",
        name: "Amlodipin",
        unit: "viên",
        strength: "5mg",
        route: "1.01",
        price: 950,
        ratio: 100,
        dosage: "1 viên/ngày",
    },
    Drug {
        code: "40.153",
        name: "Amoxicilin",
        unit: "viên",
        strength: "500mg",
        route: "1.01",
        price: 1600,
        ratio: 100,
        dosage: "2 viên/lần, ngày 3 lần",
    },
    Drug {
        code: "40.31",
        name: "Paracetamol",
        unit: "viên",
        strength: "500mg",
        route: "1.01",
        price: 420,
        ratio: 100,
        dosage: "1 viên khi sốt, cách 6 giờ",
    },
    Drug {
        code: "40.694",
        name: "Omeprazol",
        unit: "viên",
        strength: "20mg",
        route: "1.01",
        price: 1100,
        ratio: 100,
        dosage: "1 viên/ngày trước ăn sáng",
    },
    Drug {
        code: "40.442",
        name: "Atorvastatin",
        unit: "viên",
        strength: "20mg",
        route: "1.01",
        price: 2300,
        ratio: 100,
        dosage: "1 viên/ngày buổi tối",
    },
    Drug {
        code: "40.199",
        name: "Ceftriaxon",
        unit: "lọ",
        strength: "1g",
        route: "2.10",
        price: 21500,
        ratio: 100,
        dosage: "1 lọ/lần, ngày 2 lần",
    },
    Drug {
        code: "40.1012",
        name: "Natri clorid 0,9%",
        unit: "chai",
        strength: "500ml",
        route: "2.15",
        price: 9800,
        ratio: 100,
        dosage: "1 chai/ngày truyền tĩnh mạch",
    },
    Drug {
        code: "40.812",
        name: "Albumin người",
        unit: "chai",
        strength: "20% 50ml",
        route: "2.15",
        price: 650000,
        ratio: 50,
        dosage: "1 chai/ngày",
    },
];

/// A service: code, name, cost group, price at the hospital, price paid by the fund.
pub struct Service {
    pub code: &'static str,
    pub name: &'static str,
    pub nhom: &'static str,
    pub price_bv: u64,
    pub price_bh: u64,
    pub machine: Option<&'static str>,
}

/// Examination.
pub const EXAM: Service = Service {
    code: "02.1896",
    name: "Khám Nội",
    nhom: "13",
    price_bv: 34500,
    price_bh: 34500,
    machine: None,
};
/// Paraclinical services.
pub const PARACLINICAL: &[Service] = &[
    Service {
        code: "23.0075.1494",
        name: "Định lượng Glucose [Máu]",
        nhom: "1",
        price_bv: 21500,
        price_bh: 21500,
        machine: Some("SH.1.79001.1"),
    },
    Service {
        code: "22.0120.1370",
        name: "Tổng phân tích tế bào máu ngoại vi",
        nhom: "1",
        price_bv: 46200,
        price_bh: 46200,
        machine: Some("HH.1.79001.2"),
    },
    Service {
        code: "18.0001.0001",
        name: "Siêu âm ổ bụng",
        nhom: "2",
        price_bv: 43900,
        price_bh: 43900,
        machine: Some("SA.1.79001.1"),
    },
    Service {
        code: "18.0068.0028",
        name: "Chụp X-quang ngực thẳng",
        nhom: "2",
        price_bv: 65400,
        price_bh: 65400,
        machine: Some("XQ.1.79001.1"),
    },
    Service {
        code: "21.0014.1778",
        name: "Điện tim thường",
        nhom: "3",
        price_bv: 32800,
        price_bh: 32800,
        machine: Some("ĐT.1.79001.1"),
    },
];
/// Inpatient bed day.
pub const BED: Service = Service {
    code: "K19.1920",
    name: "Giường Nội khoa loại 2 Hạng II",
    nhom: "15",
    price_bv: 199100,
    price_bh: 199100,
    machine: None,
};
/// A medical supply.
pub const SUPPLY: Service = Service {
    code: "N03.05.070",
    name: "Bơm tiêm nhựa 5ml",
    nhom: "10",
    price_bv: 1500,
    price_bh: 1200,
    machine: None,
};
