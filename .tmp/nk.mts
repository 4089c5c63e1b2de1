import { nameKey } from "/work/main/src/core/units/unit-names.ts";
for (const t of ["Trường Tiểu học Kết Đoàn", "trường Kết Đoàn", "TH Ket Doan", "tiểu học Kết Đoàn", "Phòng GDĐT quận Ba Đình", "Phòng Giáo dục và Đào tạo Quận 1", "THCS Văn Lang", "Trường Mầm non 19/5"]) console.log(t, JSON.stringify(nameKey(t)));
