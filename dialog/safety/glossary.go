package safety

import "unicode"

// latinSpec is a language in the Latin alphabet as written here: its
// distinctive function words and a glossary of the words (and phrases)
// that matter for safety, each mapped onto the English the rules read.
// Keys are written naturally; accents are folded when compiled.
type latinSpec struct {
	name      string
	stopwords string
	gloss     map[string]string
}

// scriptSpec is a glossary for a non-Latin script. Keys are pieces of
// words ("a|b" for several spellings); values are English words, after
// "v:" for a verb that a "me" suffix can follow or "n:" for a noun that
// a "my" suffix can follow.
type scriptSpec struct {
	name  string
	table *unicode.RangeTable
	gloss map[string]string
}

// latinGlossaries covers the languages UK families most often write in
// besides English: Polish, Romanian, Spanish and Portuguese, South Asian
// languages in Latin letters (Urdu, Hindi, Punjabi, Bengali), Lithuanian,
// Somali, Turkish and French.
func latinGlossaries() []latinSpec {
	return []latinSpec{
		{name: "polish", stopwords: "się nie jest jestem mam że czy moja mój moje co już jak ale mnie dla przez tylko bardzo dzieci jego jej są był była też gdzie kiedy dzień dobry proszę córka syn mąż mamy ich mogę",
			gloss: map[string]string{
				"córka": "daughter", "córki": "daughter", "córkę": "daughter", "córką": "daughter", "córce": "daughter",
				"syn": "son", "syna": "son", "synem": "son", "synek": "son", "synka": "son", "synowi": "son",
				"dziecko": "child", "dziecka": "child", "dzieckiem": "child", "dzieci": "children", "dzieciom": "children", "dziećmi": "children",
				"mąż": "husband", "męża": "husband", "mężem": "husband", "mężowi": "husband", "partner": "partner", "partnera": "partner",
				"chłopak": "boyfriend", "chłopaka": "boyfriend", "były": "ex", "byłym": "ex", "byłego": "ex",
				"ojciec": "dad", "ojca": "dad", "tata": "dad", "taty": "dad", "tato": "dad", "tatuś": "dad",
				"mama": "mum", "mamy": "mum", "matka": "mum", "mamą": "mum", "mamie": "mum",
				"ojczym": "stepdad", "ojczyma": "stepdad", "brat": "brother", "brata": "brother", "siostra": "sister", "siostry": "sister",
				"najmłodszy": "youngest", "najmłodszemu": "youngest", "najmłodsza": "youngest", "najmłodszej": "youngest", "najmłodszego": "youngest",
				"niemowlę": "baby", "dzidziuś": "baby", "wujek": "uncle", "dziadek": "grandad", "babcia": "nan", "facet": "man", "mężczyzna": "man",
				"ja": "i", "mnie": "me", "mi": "me", "mną": "me", "mój": "my", "moja": "my", "moje": "my", "moją": "my", "mojego": "my", "mojej": "my", "moich": "my", "moim": "my",
				"on": "he", "ona": "she", "go": "him", "jego": "him", "jej": "her", "nią": "her", "ich": "them", "nas": "us",
				"bije": "hits", "bił": "hit", "biła": "hit", "bić": "hit", "bili": "hit", "pobił": "beat", "pobiła": "beat",
				"uderzył": "hit", "uderzyła": "hit", "uderza": "hits", "kopie": "kicks", "kopnął": "kicked", "dusił": "strangled", "dusi": "strangles", "udusił": "strangled",
				"popchnął": "pushed", "grozi": "threatens", "groził": "threatened", "zagroził": "threatened", "grozić": "threaten",
				"nóż": "knife", "noża": "knife", "nożem": "knife", "zabije": "kill", "zabić": "kill", "zabiję": "kill", "zabił": "killed",
				"samobójstwo": "suicide", "samobójcze": "suicidal", "samobójczej": "suicidal", "umrzeć": "die", "umieram": "dying", "umrę": "die",
				"samookaleczenie": "selfharm", "samookaleczenia": "selfharm", "tnie": "cutting", "tnę": "cutting", "cięła": "cutting", "ciął": "cutting", "kaleczy": "cutting",
				"żyletka": "blade", "żyletki": "blades", "żyletkę": "blade", "żyletek": "blades", "krew": "blood", "krwi": "blood",
				"tabletki": "pills", "tabletek": "pills", "leki": "pills", "leków": "pills",
				"strach": "scared", "przestraszona": "scared", "przestraszony": "scared", "krzywdę": "hurt", "krzywdy": "hurt", "skrzywdzę": "hurt", "skrzywdzić": "hurt", "skrzywdził": "hurt",
				"dotyka": "touches", "dotykał": "touched", "dotykała": "touched", "dotykać": "touch", "zgwałcił": "raped", "zgwałcona": "raped", "gwałt": "rape", "molestował": "molested",
				"tajemnica": "secret", "sekret": "secret", "sama": "alone", "sam": "alone", "samotnie": "alone", "głodni": "hungry", "głodny": "hungry", "głodna": "hungry",
				"jedzenia": "food", "jedzenie": "food", "domu": "home", "dom": "home", "zaginął": "missing", "zaginęła": "missing",
				"nieprzytomny": "unconscious", "nieprzytomna": "unconscious", "drgawki": "seizure", "krwawi": "bleeding", "pijany": "drunk", "pijana": "drunk",
				"ślub": "wedding", "małżeństwo": "marriage", "zmusza": "forces", "zmuszają": "force", "zmusić": "force",
				"dzisiaj": "today", "dziś": "today", "teraz": "rightnow", "noc": "night", "nocy": "night", "pomocy": "help", "pomóc": "help", "pomoc": "help",
				"nie": "not", "się": "", "że": "that", "już": "", "lat": "years", "boi": "scared", "boję": "scared",
				// phrases
				"się tnie": "cutting herself", "tnie się": "cutting herself", "tnę się": "cutting myself", "się tnę": "cutting myself",
				"kaleczy się": "cutting herself", "zabiję się": "kill myself", "zabije się": "kill myself", "zabić się": "kill myself",
				"chcę umrzeć": "want to die", "chce umrzeć": "want to die", "nie chcę żyć": "not want to live", "nie chce żyć": "not want to live",
				"boję się": "scared", "boi się": "scared", "zrobię krzywdę": "i will hurt", "zrobi krzywdę": "will hurt",
				"nie daję rady": "can not cope", "nie daje rady": "can not cope", "nie dam rady": "can not cope", "nie daję już rady": "can not cope anymore",
				"nie wrócił do domu": "not come home", "nie wróciła do domu": "not come home", "nie wrócili": "not come home",
				"uciekł z domu": "run away from home", "uciekła z domu": "run away from home", "wyrzucił mnie": "kicked me out", "wyrzuciła mnie": "kicked me out",
				"nie mam gdzie spać": "nowhere to sleep", "nie oddycha": "not breathing", "wyjść za mąż": "marry",
				"nie mów": "not tell", "nie mówić": "not tell", "umieram z": "dying of", "umieram ze": "dying of", "mnie zabija": "killing me", "mnie wykończy": "killing me",
			}},
		{name: "romanian", stopwords: "și nu este sunt mă meu mea să când cu pentru acasă ce fi îmi nimic foarte bună ziua aveți copii copilul tatăl mi-e eu el ea sau dar unde",
			gloss: map[string]string{
				"fiica": "daughter", "fiică": "daughter", "fata": "daughter", "fetița": "daughter", "fiul": "son", "fiu": "son", "băiatul": "son", "băiat": "son",
				"copil": "child", "copilul": "child", "copiii": "children", "copii": "children", "copiilor": "children", "bebe": "baby", "bebeluș": "baby", "bebelușul": "baby",
				"soț": "husband", "soțul": "husband", "partenerul": "partner", "iubitul": "boyfriend", "fostul": "ex",
				"tată": "dad", "tata": "dad", "tatăl": "dad", "mama": "mum", "mamă": "mum", "mamei": "mum", "frate": "brother", "fratele": "brother", "sora": "sister", "unchiul": "uncle",
				"eu": "i", "mă": "me", "mi": "me", "meu": "my", "mea": "my", "mei": "my", "mele": "my", "el": "he", "ea": "she", "îl": "him", "lui": "him", "ei": "they", "noi": "we", "ne": "us",
				"bate": "hits", "bătut": "hit", "bătea": "hit", "lovește": "hits", "lovit": "hit", "lovea": "hit", "cureaua": "belt", "curea": "belt",
				"amenință": "threatens", "amenințat": "threatened", "cuțit": "knife", "cuțitul": "knife", "cuțitului": "knife",
				"omoară": "kill", "omor": "kill", "omorî": "kill", "ucide": "kill", "sinucid": "suicide", "sinucidere": "suicide", "sinucide": "suicide",
				"moară": "die", "moarte": "death", "mor": "dying", "taie": "cutting", "tăiat": "cut", "lame": "blades", "lama": "blade", "sânge": "blood", "pastile": "pills", "pastilele": "pills",
				"frică": "scared", "speriat": "scared", "speriată": "scared", "atinge": "touches", "atins": "touched", "atingea": "touched", "violat": "raped", "violată": "raped", "viol": "rape",
				"secret": "secret", "singur": "alone", "singură": "alone", "mâncare": "food", "foame": "hungry", "acasă": "home", "casa": "home",
				"beat": "drunk", "beată": "drunk", "bea": "drinks", "dispărut": "missing", "dispărută": "missing", "fugit": "run away", "inconștient": "unconscious",
				"căsători": "marry", "căsătorie": "marriage", "mărita": "marry", "forțează": "forces", "obligă": "forces", "obligat": "forced",
				"nu": "not", "când": "when", "vine": "comes", "nimic": "nothing", "să": "to", "duc": "go", "azi": "today", "acum": "rightnow", "noaptea": "night", "ajutor": "help", "ani": "years",
				"mă bate": "hits me", "m a bătut": "hit me", "m a lovit": "hit me", "o bate": "hits her", "îl bate": "hits him", "ne bate": "hits us",
				"mi e frică": "scared", "îmi e frică": "scared", "mi e frica": "scared", "se taie": "cutting herself", "mă tai": "cutting myself",
				"vreau să mor": "want to die", "mă sinucid": "kill myself", "m a dat afară": "kicked me out", "nu respiră": "not breathing", "nu mai pot": "can not cope",
				"mor de": "dying of", "mă omoară": "killing me",
			}},
		{name: "spanish-portuguese", stopwords: "não nao eu meu minha que com para uma está ele ela filho filha você tem muito mas também porque isso obrigado obrigada yo mi muy hijo hija gracias estoy soy tengo pero es el la los las por favor del sus su esposo marido",
			gloss: map[string]string{
				"hijo": "son", "hija": "daughter", "hijos": "children", "niño": "child", "niña": "child", "niños": "children", "bebé": "baby", "bebê": "baby",
				"filho": "son", "filha": "daughter", "filhos": "children", "criança": "child", "crianças": "children",
				"marido": "husband", "esposo": "husband", "pareja": "partner", "novio": "boyfriend", "companheiro": "partner", "namorado": "boyfriend",
				"padre": "dad", "papá": "dad", "pai": "dad", "padrastro": "stepdad", "padrasto": "stepdad", "madre": "mum", "mamá": "mum", "mãe": "mum",
				"yo": "i", "eu": "i", "me": "me", "mim": "me", "mi": "my", "mis": "my", "meu": "my", "minha": "my", "él": "he", "ele": "he", "ella": "she", "ela": "she",
				"pega": "hits", "pegó": "hit", "golpea": "hits", "golpeó": "hit", "maltrata": "hurts", "agrede": "hits", "bate": "hits", "bateu": "hit", "espanca": "beats", "espancou": "beat", "agrediu": "hit",
				"amenaza": "threatens", "amenazó": "threatened", "ameaça": "threatens", "ameaçou": "threatened", "cuchillo": "knife", "navaja": "knife", "faca": "knife",
				"matar": "kill", "mata": "kills", "mató": "killed", "matou": "killed", "matarme": "kill myself", "suicidio": "suicide", "suicídio": "suicide", "suicidarme": "kill myself",
				"morir": "die", "morrer": "die", "muero": "dying", "morrendo": "dying", "morro": "dying",
				"autolesión": "selfharm", "autolesões": "selfharm", "cuchillas": "blades", "lâminas": "blades", "giletes": "blades", "sangre": "blood", "sangue": "blood",
				"pastillas": "pills", "comprimidos": "pills", "remédios": "pills", "miedo": "scared", "medo": "scared",
				"toca": "touches", "tocó": "touched", "tocou": "touched", "violación": "rape", "violó": "raped", "estupro": "rape", "abusou": "abused", "abuso": "abused",
				"secreto": "secret", "segredo": "secret", "solo": "alone", "sola": "alone", "sozinho": "alone", "sozinha": "alone", "comida": "food", "hambre": "hungry", "fome": "hungry",
				"casa": "home", "desaparecido": "missing", "desaparecida": "missing", "inconsciente": "unconscious", "desmayó": "passed out", "desmaiou": "passed out",
				"convulsión": "seizure", "convulsão": "seizure", "borracho": "drunk", "borracha": "drunk", "bêbado": "drunk", "bêbada": "drunk",
				"boda": "wedding", "casamento": "marriage", "matrimonio": "marriage", "obligan": "force", "obligar": "force", "obrigar": "force", "obrigando": "forcing",
				"no": "not", "não": "not", "hoy": "today", "hoje": "today", "ahora": "rightnow", "agora": "rightnow", "noche": "night", "noite": "night", "ayuda": "help", "ajuda": "help", "años": "years", "anos": "years",
				"me pega": "hits me", "me bate": "hits me", "me golpea": "hits me", "me espanca": "beats me", "me matar": "kill myself",
				"quiero morir": "want to die", "quiero morirme": "want to die", "quero morrer": "want to die", "se corta": "cutting herself", "me corto": "cutting myself",
				"tengo miedo": "scared", "tenho medo": "scared", "me echó de casa": "kicked me out", "me expulsou": "kicked me out",
				"no volvió a casa": "not come home", "não voltou para casa": "not come home", "no respira": "not breathing", "não respira": "not breathing",
				"no puedo más": "can not cope", "não aguento mais": "can not cope", "me muero de": "dying of", "muero de": "dying of", "morrendo de": "dying of", "morro de": "dying of",
				"me mata": "killing me", "está me matando": "killing me", "casarme": "marry", "casar": "marry",
			}},
		{name: "south-asian", stopwords: "hai hain hoon hun mera meri mere nahi nahin raha rahi rahe mujhe woh aur bhi tha thi kya kyun apna apni karo karna kar sirf bohat bahut abhi ami amar tumi ache kori korche amake kichu ekhon hobe keno khub ko ke ki se",
			gloss: map[string]string{
				"beta": "son", "bete": "son", "betay": "son", "puttar": "son", "munda": "son", "chele": "son",
				"beti": "daughter", "bitiya": "daughter", "kuri": "daughter", "kudi": "daughter", "dhee": "daughter", "meye": "daughter",
				"bacha": "child", "bachay": "children", "bache": "children", "bachche": "children", "bachon": "children", "bachchon": "children", "bacchon": "children", "baccha": "child", "bachi": "child", "bacchi": "child", "bacche": "children",
				"ammi": "mum", "ammy": "mum", "amma": "mum", "maa": "mum", "abbu": "dad", "abba": "dad", "abu": "dad", "baap": "dad", "pita": "dad", "walid": "dad", "peo": "dad", "bapu": "dad", "baba": "dad",
				"shohar": "husband", "shauhar": "husband", "pati": "husband", "miyan": "husband", "khawand": "husband", "gharwala": "husband", "shami": "husband", "swami": "husband",
				"biwi": "wife", "patni": "wife", "bhai": "brother", "behen": "sister", "behan": "sister", "saas": "mum",
				"main": "i", "mein": "i", "mujhe": "me", "mujhko": "me", "mera": "my", "meri": "my", "mere": "my", "amar": "my", "ami": "i", "amake": "me",
				"woh": "he", "wo": "he", "vo": "he", "usne": "he", "usko": "him", "use": "him", "usay": "him", "hum": "we", "humein": "us",
				"maarta": "hits", "maarti": "hits", "maarte": "hit", "maara": "hit", "mara": "hit", "marta": "hits", "marti": "hits", "maarda": "hits", "marda": "hits",
				"pitai": "beating", "pitayi": "beating", "peet": "beat", "peeta": "beat", "peetta": "beats", "kutai": "beating", "kuttai": "beating", "kutda": "beats", "kuttda": "beats", "thappad": "slap", "maare": "hits", "marey": "hits",
				"dhamki": "threat", "dhamkiyan": "threats", "chaku": "knife", "chaaku": "knife", "chhura": "knife", "churi": "knife", "chhuri": "knife",
				"qatal": "kill", "katal": "kill", "khudkushi": "suicide", "khudkhushi": "suicide", "aatmhatya": "suicide", "atmohotta": "suicide",
				"darr": "scared", "dar": "scared", "darta": "scared", "darti": "scared", "bhoy": "scared", "voy": "scared", "dara": "scared",
				"chhoota": "touched", "chhuta": "touched", "chhua": "touched", "chuta": "touched", "chhoo": "touch",
				"raaz": "secret", "raz": "secret", "zabardasti": "forced", "majboor": "forced", "shaadi": "marriage", "shadi": "marriage", "nikah": "marriage", "biye": "marriage", "biya": "marriage", "vyah": "marriage", "viah": "marriage",
				"akela": "alone", "akeli": "alone", "akelay": "alone", "eka": "alone", "bhook": "hungry", "bhookh": "hungry", "bhooka": "hungry", "bhooke": "hungry",
				"ghar": "home", "bari": "home", "goliyan": "pills", "goliya": "pills", "golian": "pills", "khoon": "blood", "khun": "blood",
				"behosh": "unconscious", "gumshuda": "missing", "laapata": "missing", "lapata": "missing",
				"nahi": "not", "nai": "not", "nahin": "not", "madad": "help", "madat": "help", "sharab": "drink", "nasha": "drunk", "nashe": "drunk", "saal": "years", "raat": "night",
				"khud ko khatam": "kill himself", "khud ko maar": "kill himself", "apne aap ko khatam": "kill myself", "apne aap ko maar": "kill myself", "jaan de": "kill himself",
				"marna chahta": "want to die", "marna chahti": "want to die", "mar jana chahta": "want to die", "mar jana chahti": "want to die", "morte chai": "want to die", "mar jaun": "want to die",
				"zinda nahi rehna": "not want to live", "jeena nahi": "not want to live", "aaj raat": "tonight", "aj raat": "tonight",
				"dar lagta": "scared", "darr lagta": "scared", "dar lagda": "scared", "ghar se nikal diya": "kicked me out", "nikal diya": "kicked me out",
				"ghar nahi aaya": "not come home", "ghar nahi aayi": "not come home", "wapas nahi aaya": "not come home", "wapas nahi aayi": "not come home",
				"saans nahi": "not breathing", "gandi harkat": "touched inappropriately", "galat tareeke": "inappropriately", "kisi ko mat batana": "not tell anyone", "mat batana": "not tell",
				"jor kore": "forced", "hans hans ke": "laughing", "mar gayi": "die", "mar gaya": "die",
			}},
		{name: "lithuanian", stopwords: "ir yra mano kad su man aš jis ji labai nes bet laba diena ar kaip",
			gloss: map[string]string{
				"sūnus": "son", "dukra": "daughter", "duktė": "daughter", "vaikas": "child", "vaikai": "children", "vaikų": "children", "vyras": "husband", "tėvas": "dad", "tėtis": "dad", "mama": "mum",
				"aš": "i", "mane": "me", "man": "me", "mano": "my", "jis": "he", "ji": "she",
				"muša": "hits", "mušė": "hit", "sumušė": "beat", "grasina": "threatens", "peilis": "knife", "peiliu": "knife", "nužudyti": "kill", "užmušti": "kill",
				"savižudybė": "suicide", "nusižudyti": "kill myself", "pjaustosi": "cutting herself", "pjausto": "cutting", "kraujas": "blood", "tabletės": "pills", "bijau": "scared",
				"liečia": "touches", "lietė": "touched", "išprievartavo": "raped", "paslaptis": "secret", "vienas": "alone", "viena": "alone", "maisto": "food", "namo": "home", "namuose": "home",
				"dingo": "missing", "nekvėpuoja": "not breathing", "girtas": "drunk", "girta": "drunk", "ištekėti": "marry", "vestuvės": "wedding", "ne": "not", "noriu mirti": "want to die",
			}},
		{name: "somali", stopwords: "waa iyo aan ku waxaan ayaa wuxuu waxay haddii maxaa fadlan hooyo aabe ma",
			gloss: map[string]string{
				"wiilkayga": "son", "wiil": "son", "gabadhayda": "daughter", "gabar": "daughter", "carruurta": "children", "caruurta": "children", "ilmaha": "children", "ilmo": "child",
				"ninkayga": "husband", "nin": "man", "aabe": "dad", "aabbe": "dad", "aabahay": "dad", "hooyo": "mum", "hooyaday": "mum",
				"garaacay": "hit", "garaaca": "hits", "garaacaa": "hits", "i garaacay": "hit me", "i garaaca": "hits me", "mindi": "knife", "dil": "kill", "dilaa": "kill", "dilayaa": "kill",
				"isdil": "suicide", "is dil": "kill myself", "dhiig": "blood", "kaniini": "pills", "cabsi": "scared", "baqay": "scared", "baqdin": "scared", "waan cabsanayaa": "scared",
				"taabtay": "touched", "kufsi": "rape", "kufsaday": "raped", "sir": "secret", "kaligay": "alone", "keligay": "alone", "cunto": "food", "gaajo": "hungry", "guriga": "home",
				"lumay": "missing", "maqan": "missing", "ma neefsanayo": "not breathing", "guur": "marriage", "guurin": "marry", "qasab": "forced", "gudniin": "fgm", "gudin": "fgm",
				"waan dhiman rabaa": "want to die",
			}},
		{name: "turkish", stopwords: "ve bir bu ben benim çok değil için ama ne var yok oğlum kızım eşim annem babam merhaba lütfen mi mı da de",
			gloss: map[string]string{
				"oğlum": "son", "oğlu": "son", "kızım": "daughter", "kızı": "daughter", "çocuk": "child", "çocuklar": "children", "çocuğum": "child", "kocam": "husband", "eşim": "partner",
				"babam": "dad", "baba": "dad", "annem": "mum", "anne": "mum", "ben": "i", "beni": "me", "bana": "me", "benim": "my",
				"dövüyor": "hits", "dövdü": "hit", "vuruyor": "hits", "vurdu": "hit", "dayak": "beating", "tehdit": "threat", "bıçak": "knife", "bıçakla": "knife",
				"öldürecek": "kill", "öldürmek": "kill", "öldür": "kill", "intihar": "suicide", "kan": "blood", "hap": "pills", "haplar": "pills",
				"korkuyorum": "scared", "korku": "scared", "dokunuyor": "touches", "dokundu": "touched", "tecavüz": "rape", "sır": "secret", "yalnız": "alone", "yemek": "food",
				"ev": "home", "eve": "home", "evde": "home", "kayıp": "missing", "sarhoş": "drunk", "evlilik": "marriage", "evlendirmek": "marry", "zorla": "forced", "değil": "not",
				"ölmek istiyorum": "want to die", "kendini kesiyor": "cutting herself", "kendimi kesiyorum": "cutting myself", "nefes almıyor": "not breathing",
			}},
		{name: "french", stopwords: "je est mon ma mes et pas que avec pour il elle suis mais très bonjour merci enfants fils fille les des une dans sur qui",
			gloss: map[string]string{
				"fils": "son", "fille": "daughter", "enfant": "child", "enfants": "children", "bébé": "baby", "mari": "husband", "conjoint": "partner", "copain": "boyfriend",
				"père": "dad", "papa": "dad", "beau-père": "stepdad", "mère": "mum", "maman": "mum", "je": "i", "moi": "me", "me": "me", "mon": "my", "ma": "my", "mes": "my", "il": "he", "elle": "she",
				"frappe": "hits", "frappé": "hits", "battu": "beaten", "cogne": "hits", "menace": "threatens", "menacé": "threatens", "couteau": "knife", "tuer": "kill", "tue": "kills",
				"suicide": "suicide", "mourir": "die", "lames": "blades", "sang": "blood", "médicaments": "pills", "cachets": "pills", "peur": "scared",
				"touche": "touches", "touché": "touches", "viol": "rape", "violé": "raped", "violée": "raped", "secret": "secret", "seul": "alone", "seule": "alone", "faim": "hungry", "maison": "home",
				"disparu": "missing", "disparue": "missing", "fugue": "run away", "inconscient": "unconscious", "ivre": "drunk", "bourré": "drunk", "mariage": "marriage", "marier": "marry", "forcer": "force",
				"pas": "not", "aide": "help", "ce soir": "tonight", "jai peur": "scared", "je nen peux plus": "can not cope", "me tuer": "kill myself", "envie de mourir": "want to die", "veux mourir": "want to die",
				"se coupe": "cutting herself", "se scarifie": "cutting herself", "ne respire pas": "not breathing",
				"je meurs de": "dying of", "mort de rire": "dying laughing", "ça me tue": "killing me",
			}},
	}
}

// scriptGlossaries covers Arabic-script languages (Arabic, Urdu, Farsi),
// Bengali, Hindi (Devanagari), Punjabi (Gurmukhi), Russian and
// Ukrainian (Cyrillic) and Chinese.
func scriptGlossaries() []scriptSpec {
	return []scriptSpec{
		{name: "arabic-script", table: unicode.Arabic, gloss: map[string]string{
			// Arabic
			"زوج": "n:husband", "طليق": "n:ex", "ابني|ولدي": "my son", "ابن": "n:son", "بنتي|ابنتي": "my daughter", "بنت": "n:daughter",
			"اطفال|اولاد|الاطفال": "children", "طفل": "n:child", "ابوي|والدي|ابويا": "my dad", "بابا": "dad", "امي|والدتي": "my mum", "ماما": "mum", "اخوي|اخويا": "my brother", "اختي": "my sister",
			"ضرب": "v:hit", "هدد": "v:threatened", "سكين": "knife", "خايف|خائف|اخاف|خوف|مرعوب": "scared",
			"قتل": "v:kill", "انتحار|انتحر": "suicide", "اموت": "dying", "موت": "death", "بدي|اريد|ابغى|ودي": "want",
			"جرح": "v:cut", "حبوب": "pills", "لمس": "v:touched", "اغتصب": "v:raped", "تحرش": "v:molested",
			"الليله": "tonight", "امام": "in front of", "البيت|بيت|المنزل|منزل": "home", "طرد": "v:kicked out",
			"جوعان|جيعان|جوع": "hungry", "لوحدي|وحدي|وحيد": "alone", "يتنفس": "breathing", "زواج|يزوج|تزويج|جواز": "marry",
			"غصب|اجبار|يجبر|مجبر": "forced", "ختان": "fgm", "مفقود|ضايع|اختفى": "missing", "ساعد|مساعده": "help",
			"الضحك|ضحك": "laughing", "الملل|ملل|زهق": "boredom",
			// Urdu (after folding)
			"بیٹا": "son", "بیٹی": "daughter", "بچے|بچوں|بچہ": "children", "شوہر|شوهر": "husband", "ابو": "dad",
			"مارتا|مارتی|مارتے|مارا|پیٹتا|پٹائی": "hits", "چھری|چاقو": "knife", "دھمکی": "threat", "خودکشی": "suicide", "مرنا": "die",
			"ڈر": "scared", "خون": "blood", "گولیاں": "pills", "اکیلا|اکیلی": "alone", "گھر": "home", "شادی": "marriage",
			"زبردستی": "forced", "نہیں": "not", "مدد": "help",
			// Farsi / Dari
			"پسر": "son", "دختر": "daughter", "بچه": "child", "پدر": "dad", "مادر": "mum", "کتک": "beating", "میزند|میزنه": "hits",
			"بکشم|میکشم|کشت": "kill", "بمیرم": "die", "میترسم|ترس": "scared", "قرص": "pills", "تنها": "alone", "خانه": "home", "ازدواج": "marriage", "مجبور": "forced",
		}},
		{name: "bengali", table: unicode.Bengali, gloss: map[string]string{
			"ছেলে": "son", "মেয়ে": "daughter", "বাচ্চা": "child", "স্বামী": "husband", "বাবা": "dad",
			"মারে|মারধর|মারছে|মেরেছে|মারে": "hits", "ছুরি": "knife", "হুমকি": "threat", "আত্মহত্যা": "suicide", "মরতে চাই": "want to die", "মরতে": "die",
			"ভয়": "scared", "রক্ত": "blood", "ট্যাবলেট|ওষুধ": "pills", "একা": "alone", "খাবার": "food", "বাড়ি": "home", "বিয়ে": "marriage", "জোর": "forced", "সাহায্য": "help",
		}},
		{name: "devanagari", table: unicode.Devanagari, gloss: map[string]string{
			"बेटा": "son", "बेटी": "daughter", "बच्चा|बच्चे": "children", "पति": "husband", "पापा|पिता": "dad",
			"मारता|मारती|पीटता|पिटाई": "hits", "चाकू": "knife", "धमकी": "threat", "आत्महत्या": "suicide", "मरना": "die", "डर": "scared",
			"खून": "blood", "गोलियां": "pills", "अकेला|अकेली": "alone", "खाना": "food", "घर": "home", "शादी": "marriage", "जबरदस्ती": "forced", "नहीं": "not", "मदद": "help",
		}},
		{name: "gurmukhi", table: unicode.Gurmukhi, gloss: map[string]string{
			"ਪੁੱਤ": "son", "ਧੀ": "daughter", "ਬੱਚਾ|ਬੱਚੇ": "children", "ਪਤੀ": "husband", "ਪਿਓ|ਪਿਤਾ|ਬਾਪੂ": "dad",
			"ਮਾਰਦਾ|ਕੁੱਟਦਾ|ਕੁੱਟ": "hits", "ਚਾਕੂ": "knife", "ਧਮਕੀ": "threat", "ਖੁਦਕੁਸ਼ੀ": "suicide", "ਡਰ": "scared", "ਖੂਨ": "blood",
			"ਇਕੱਲਾ|ਇਕੱਲੀ": "alone", "ਘਰ": "home", "ਵਿਆਹ": "marriage", "ਜ਼ਬਰਦਸਤੀ": "forced", "ਨਹੀਂ": "not",
		}},
		{name: "cyrillic", table: unicode.Cyrillic, gloss: map[string]string{
			"сын": "son", "доч": "daughter", "ребен|дитин|дет": "child", "муж|чолов": "husband", "отчим": "stepdad", "отец|папа|тато|батьк": "dad", "мам|мать": "mum",
			"бьет|бьёт|бил|избил|бʼє|б'є|ударил|вдарив|бие": "hits", "угрож|погрож|заплаш": "threatened", "нож|ніж": "knife", "убь|убит|вбит|вбʼ": "kill",
			"суицид|самоубий|самогуб": "suicide", "умереть|померти|умра": "die", "хочу": "want", "режет|ріже|порез": "cutting", "кров": "blood", "таблет|пігулк": "pills",
			"боюсь|боюся|страш|страх": "scared", "трога|чіпа": "touched", "изнасил|зґвалт": "raped", "секрет|тайн|таємн": "secret", "одна|один": "alone",
			"еды|їжі|голод": "hungry", "дом|вдома": "home", "пропал|зник": "missing", "дыш|дих": "breathing", "пьян|пʼян|п'ян": "drunk",
			"замуж|свадьб|весілл|шлюб|женит": "marriage", "заставля|змуш|принужд": "forced", "помог|допомож|помощ": "help",
		}},
		{name: "han", table: unicode.Han, gloss: map[string]string{
			"打我": "hit me", "打她": "hit her", "打他": "hit him", "老公|丈夫|前夫": "husband", "儿子": "son", "女儿": "daughter", "孩子": "child",
			"爸爸|父亲": "dad", "妈妈|母亲": "mum", "刀": "knife", "自杀": "suicide", "想死": "want to die", "杀": "kill", "割": "cut", "血": "blood",
			"害怕|怕": "scared", "摸": "touched", "强奸": "raped", "性侵": "molested", "秘密": "secret", "一个人": "alone", "没吃的|没饭吃|没有食物": "no food",
			"失踪|不见了": "missing", "不呼吸|没有呼吸": "not breathing", "结婚|嫁": "marriage", "逼": "forced", "威胁": "threatened", "今晚": "tonight",
		}},
	}
}
