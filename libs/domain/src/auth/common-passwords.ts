/**
 * A small list of passwords attackers try first (NIST SP 800-63B §5.1.1.2: refuse "passwords obtained from
 * previous breach corpuses" and "commonly-used, expected, or compromised" values): the most frequent entries of
 * public breach lists, plus Vietnamese and product-specific ones a civil servant might pick (matkhau, anhyeuem,
 * cchc, ubnd…). Compared in lower case, also with trailing digits and symbols taken off ("Password2025!").
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
123456 123456789 12345678 password qwerty123 qwerty 1234567 111111 1234567890 123123
abc123 1234 password1 iloveyou 1q2w3e4r 000000 qwertyuiop 123321 password123 1q2w3e4r5t
654321 666666 987654321 123456a 7777777 1qaz2wsx a123456 123qwe 1234qwer 121212
dragon monkey football letmein baseball welcome admin admin123 administrator login
master sunshine princess shadow superman trustno1 starwars whatever freedom passw0rd
p@ssw0rd p@ssword zaq12wsx qazwsx asdfghjkl asdfgh zxcvbnm zxcvbnm123 abcd1234 abcdef
abcdefgh changeme secret test123 testtest guest default root toor user
user123 demo demo123 matkhau matkhau123 matkhaucuatoi anhyeuem emyeuanh yeuem
iloveu vietnam vietnam123 hanoi saigon hochiminh tphcm congan quandoi 88888888
66666666 99999999 11111111 12341234 123654 147258369 159753 159357 741852963 0123456789
123456789a 123456789abc a1b2c3d4 aa123456 qwe123 qwer1234 asd123 cchc caicachhanhchinh caicach
hanhchinh tuyentruyen kehoach baocao ubnd ubndtinh sonoivu sogiaoduc truonghoc chuyenvien
lanhdao quantri quantrivien admin@123 admin1234 welcome1 welcome123 letmein123 monkey123 dragon123
football123 baseball123 sunshine123 princess123 iloveyou123 password2024 password2025 password2026 summer winter
spring autumn hello hello123 helloworld computer internet samsung iphone google
facebook zalo microsoft
`
    .split(/\s+/)
    .filter(Boolean),
);
