/**
 * The most common passwords, lower-case, from well-known public sources:
 * SecLists "10k-most-common" / RockYou top entries, NCSC PwnedPasswords top 100k
 * head, NordPass yearly lists, and the 2011 CSDN/天涯/人人 leak analyses for the
 * Chinese-popular ones (拼音, 520/1314 "我爱你一生一世", QQ-number styles, keyboard
 * walks). Written in by hand; nothing is fetched at runtime (ASVS 5.0 V6.2.4).
 * policy.ts also strips a trailing year/digits/symbols before looking here,
 * so "password2026" and "Abc123456!" are caught without listing every variant.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  // Digit runs and repeats
  "123456", "1234567", "12345678", "123456789", "1234567890", "12345", "1234", "123123", "123321",
  "654321", "987654321", "0987654321", "111111", "1111111", "11111111", "000000", "00000000",
  "222222", "333333", "444444", "555555", "666666", "6666666", "66666666", "777777", "888888",
  "8888888", "88888888", "999999", "99999999", "121212", "112233", "123123123", "123654", "147258",
  "147258369", "159357", "159753", "741852963", "789456", "789456123", "456789", "123789", "12341234",
  "11223344", "112233445566", "1122334455", "123456123", "123qwe123", "135790", "246810", "102030",
  "100200", "110110", "110120", "119119", "520520", "147852", "147852369", "258369", "369258",
  "963852741", "321321", "456456", "789789", "101010", "1111", "0000", "7777777", "696969",
  // Chinese-popular: love numbers, birthdays, QQ, pinyin
  "5201314", "52013145201314", "1314520", "13145201314520", "521521", "5211314", "woaini", "woaini1314",
  "woaini520", "woaini123", "woaini521", "iloveyou1314", "aini1314", "woaiwojia", "wodemima",
  "mima123", "mima123456", "zhang123", "wang123", "li123456", "liu123456", "chen123456",
  "qq123456", "qq5201314", "qq123456789", "qwe123456", "a123456", "a12345678", "a123456789",
  "aa123456", "aa12345678", "abc123456", "abc12345678", "a5201314", "a111111", "a000000",
  "q123456", "q1w2e3r4", "w123456", "z123456", "wang1234", "zhangwei", "wangwei", "liwei",
  "zhangjie", "woshishui", "nihao123", "nihaoma", "aaaaaa", "aaaaaaaa", "asdasd", "asdasdasd",
  "zxczxc", "qweqwe", "qazqaz", "123abc", "abc123abc", "dearbook", "yangyang", "xiaoxiao",
  "qingqing", "tingting", "huanhuan", "jingjing", "beibei", "baobao", "wangjian", "caonima",
  "shanghai", "beijing", "beijing2008", "zhongguo", "china123", "iloveyou", "iloveu", "loveyou",
  "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e", "1qazxsw2", "2wsx3edc", "zaq12wsx", "xiaoming",
  "sunshine", "woainima", "wobuzhidao", "buzhidao", "fuckyou1", "tianshi", "tiantian", "lanlan",
  "88888888a", "a1b2c3d4", "a1b2c3", "aaa111", "aaa123", "abcd1234", "abcd123456", "123456aa",
  "123456a", "123456abc", "123456qq", "123456q", "123456asd", "123456qwe", "123456789a",
  "1234qwer", "12345qwert", "qwer1234", "asdf1234", "zxcv1234", "1234abcd", "12345abc",
  // Keyboard walks
  "qwerty", "qwerty123", "qwertyuiop", "qwert", "qwer", "qwe123", "123qwe", "qweasd", "qweasdzxc",
  "qazwsx", "qazwsxedc", "qwaszx", "asdfgh", "asdfghjkl", "asdf", "asdfasdf", "asd123", "zxcvbn",
  "zxcvbnm", "zxcvbnm123", "zxc123", "1qaz1qaz", "qwertyu", "ytrewq", "poiuytrewq", "mnbvcxz",
  "!qaz2wsx", "1qaz@wsx", "1qaz!qaz", "qwe!@#", "!@#$%^", "!@#$%^&*", "1q2w3e4r5t6y", "q1w2e3",
  "qaz123", "wsx123", "zaq1zaq1", "zaq1xsw2", "asdzxc", "qweqweqwe", "abcdefg", "abcdef", "abcabc",
  // English words and names
  "password", "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "pass", "pass123",
  "passwd", "pa$$w0rd", "admin", "admin123", "admin1234", "admin888", "administrator", "root",
  "toor", "letmein", "welcome", "welcome1", "welcome123", "changeme", "default", "guest",
  "secret", "master", "monkey", "dragon", "baseball", "football", "soccer", "basketball",
  "hockey", "shadow", "superman", "batman", "spiderman", "trustno1", "princess", "michael",
  "jennifer", "jordan", "jordan23", "hunter", "hunter2", "harley", "ranger", "buster", "thomas",
  "robert", "daniel", "andrew", "joshua", "matthew", "anthony", "charlie", "jessica", "ashley",
  "amanda", "nicole", "michelle", "daniela", "hannah", "summer", "winter", "autumn", "spring",
  "freedom", "whatever", "starwars", "computer", "internet", "samsung", "google", "apple",
  "microsoft", "killer", "pepper", "ginger", "cookie", "chocolate", "cheese", "banana", "orange",
  "purple", "yellow", "silver", "golden", "diamond", "flower", "angel", "angels", "lovely",
  "loveme", "lover", "babygirl", "baby123", "tigger", "maggie", "bailey", "sophie", "buddy",
  "snoopy", "pokemon", "naruto", "matrix", "mercedes", "ferrari", "porsche", "corvette",
  "mustang", "qwerty1", "qwerty12", "asshole", "fuckyou", "fuckme", "biteme", "blahblah",
  "zzzzzz", "xxxxxx", "abc123", "abc1234", "abc12345", "aa123123", "test", "test123", "test1234",
  "testing", "demo", "demo123", "user", "user123", "login", "hello", "hello123", "helloworld",
  "hello1", "iloveyou1", "iloveyou2", "loveyou1", "love123", "lovelove", "friends", "family",
  "forever", "heaven", "jesus", "blessed", "liverpool", "chelsea", "arsenal", "barcelona",
  "manchester", "yankees", "cowboys", "eagles", "steelers", "lakers", "dolphins", "tennis",
  "golf", "access", "access14", "security", "server", "oracle", "system", "manager", "support",
  "office", "mypass", "mypassword", "newpass", "nopass", "qazwsx123", "zaq!2wsx", "1password",
  "password!", "password12", "password1234", "passwort", "motdepasse", "contraseña", "senha",
  "parola", "wachtwoord", "haslo", "salasana", "qwertz", "azerty", "666999", "iloveme",
  "myspace1", "facebook", "youtube", "twitter", "instagram", "linkedin", "wechat", "weixin",
  "taobao", "alibaba", "tencent", "baidu", "sina", "163com", "qqqqqq", "wwwwww", "ssssss",
  "a1234567", "abcde", "abcdefgh", "aaaaa", "aa1234", "q1w2e3r4t5", "1a2b3c", "a1s2d3f4",
]);
