// Sample text written for m2rl's language identifier: our own prose on the same everyday topics
// in each language (weather and plans, exercise, a city's history, making tea, technology, essay
// advice, climate, accounts and passwords, rain, languages). LanguageIdentifier counts the letter
// n-grams of these samples to tell apart the languages that share a script. Nothing here comes
// from langdetect.

enum LanguageSamples {
    /// (langdetect's code, sample text).
    static let texts: [(code: String, text: String)] = [
        ("en", #"""
        The weather was cold this morning, so we stayed inside and talked about the plans for the summer. My brother wants to travel to the mountains, but I would rather spend a few weeks by the sea. We have not decided yet, and there is still time to think about it.
        Scientists have shown that regular exercise improves both physical health and mental well-being. People who walk for thirty minutes every day are less likely to suffer from heart disease, and they often sleep better at night.
        The history of the city goes back more than a thousand years. It was founded as a small trading post on the river, and over the centuries it grew into one of the most important centres of commerce in the region.
        If you want to make a good cup of tea, first boil fresh water, then pour it over the leaves and let them steep for about three minutes. You can add milk or sugar, depending on your taste. What matters most is that you enjoy it.
        This is why they should have known which way the wind would blow, although nobody could say when it would change.
        Modern technology has transformed nearly every part of our daily lives. Companies use data analysis to understand their customers, improve their products and develop new strategies for growth. At the same time, many people worry about privacy, security and the environmental impact of large data centres.
        Here are a few practical tips for writing a clear essay. First, choose a specific topic and state your main argument in the introduction. Second, support each point with evidence, such as examples, statistics or quotations from reliable sources. Finally, write a conclusion that summarizes your ideas without simply repeating them.
        "Where have you been all day?" she asked. "I was at the library," he replied, "because I needed to finish my report before the deadline on Friday." She smiled and said that she would help him check it for mistakes.
        Climate change is one of the most serious challenges facing the world today. Rising temperatures affect agriculture, water supplies and public health, especially in poor communities. Governments, businesses and individuals all have a role to play in reducing emissions and protecting natural resources for future generations.
        The character of the hero is shaped by the difficult choices he must make. Although he is brave and loyal, he often doubts himself, and his journey becomes a search for identity as much as an adventure. Readers can see how his relationships with other characters reveal his strengths and weaknesses.
        In mathematics, a function describes a relationship between two sets of values. For example, if you know the length of each side of a square, you can calculate its area by multiplying the length by itself. Understanding these basic concepts is important for solving more complex problems in physics and engineering.
        Our team is excited to announce the launch of a new service that will make it easier for small businesses to manage their finances. The platform includes tools for tracking expenses, creating invoices and preparing reports, and it is available on both mobile devices and computers.
        It was a quiet evening in the village. The children had gone to bed, the shops were closed, and only the sound of the wind could be heard through the trees. Nobody knew that by the next morning everything would be different.
        Normally, the user can change their personal information from the main menu. If they forget their password, the system will send a message to the registered email address. It is important that the details are correct and that nobody else has access to the account.
        Yesterday it rained all afternoon and the streets were flooded. The children could not go out to play, so they stayed by the window reading stories. When the rain finally stopped, the sky turned completely blue and we all went for a walk in the park.
        How many languages are spoken in the world? Experts estimate that there are more than seven thousand, although many of them are in danger of disappearing because fewer and fewer people use them in everyday life. That is why it is essential to document them and teach them to new generations.
        """#),
        ("es", #"""
        Esta mañana hacía mucho frío, así que nos quedamos en casa y hablamos de los planes para el verano. Mi hermano quiere viajar a las montañas, pero yo prefiero pasar unas semanas junto al mar. Todavía no hemos decidido nada y aún tenemos tiempo para pensarlo.
        Los científicos han demostrado que el ejercicio regular mejora la salud física y el bienestar mental. Las personas que caminan treinta minutos cada día tienen menos probabilidades de sufrir enfermedades del corazón, y a menudo duermen mejor por la noche.
        La historia de la ciudad se remonta a más de mil años. Fue fundada como un pequeño puesto comercial junto al río y, con el paso de los siglos, se convirtió en uno de los centros de comercio más importantes de la región.
        Si quieres preparar una buena taza de té, primero hierve agua fresca, luego viértela sobre las hojas y déjalas reposar unos tres minutos. Puedes añadir leche o azúcar según tu gusto. Lo más importante es que lo disfrutes.
        Por eso ellos deberían haber sabido hacia dónde soplaría el viento, aunque nadie podía decir cuándo iba a cambiar. También es cierto que nosotros estábamos allí.
        La tecnología moderna ha transformado casi todos los aspectos de nuestra vida diaria. Las empresas utilizan el análisis de datos para conocer mejor a sus clientes, mejorar sus productos y desarrollar nuevas estrategias de crecimiento. Al mismo tiempo, a muchas personas les preocupa la privacidad y la seguridad.
        Aquí tienes algunos consejos prácticos para escribir un ensayo claro. Primero, elige un tema concreto y presenta tu argumento principal en la introducción. Después, apoya cada punto con pruebas, como ejemplos o datos de fuentes fiables. Por último, escribe una conclusión que resuma tus ideas sin repetirlas.
        —¿Dónde has estado todo el día? —preguntó ella. —Estuve en la biblioteca —respondió él—, porque tenía que terminar mi informe antes del viernes. Ella sonrió y le dijo que lo ayudaría a revisarlo.
        El cambio climático es uno de los desafíos más graves a los que se enfrenta el mundo hoy en día. El aumento de las temperaturas afecta a la agricultura, al agua y a la salud pública, sobre todo en las comunidades más pobres. Los gobiernos, las empresas y los ciudadanos deben trabajar juntos para reducir las emisiones.
        Normalmente, el usuario puede cambiar su información personal desde el menú principal. Si olvida la contraseña, el sistema le enviará un mensaje al correo electrónico registrado. Es importante que los datos sean correctos y que nadie más tenga acceso a su cuenta.
        Ayer llovió durante toda la tarde y las calles se llenaron de agua. Los niños no pudieron salir a jugar, así que se quedaron leyendo cuentos junto a la ventana. Cuando por fin dejó de llover, el cielo se volvió completamente azul y todos salimos a pasear por el parque.
        ¿Cuántos idiomas se hablan en el mundo? Los expertos calculan que existen más de siete mil lenguas, aunque muchas de ellas están en peligro de desaparecer porque cada vez hay menos personas que las usan en su vida cotidiana. Por eso es fundamental documentarlas y enseñarlas a las nuevas generaciones.
        """#),
        ("pt", #"""
        Esta manhã fazia muito frio, então ficamos em casa e conversamos sobre os planos para o verão. O meu irmão quer viajar para as montanhas, mas eu prefiro passar algumas semanas perto do mar. Ainda não decidimos nada e ainda temos tempo para pensar.
        Os cientistas mostraram que o exercício regular melhora a saúde física e o bem-estar mental. As pessoas que caminham trinta minutos por dia têm menos probabilidade de sofrer de doenças do coração e muitas vezes dormem melhor à noite.
        A história da cidade remonta a mais de mil anos. Foi fundada como um pequeno posto comercial junto ao rio e, ao longo dos séculos, tornou-se um dos centros de comércio mais importantes da região.
        Se você quer fazer uma boa xícara de chá, primeiro ferva água fresca, depois despeje-a sobre as folhas e deixe-as descansar cerca de três minutos. Pode acrescentar leite ou açúcar, conforme o seu gosto. O que importa é que você goste.
        Por isso eles deveriam ter sabido para onde o vento iria soprar, embora ninguém pudesse dizer quando ele mudaria. Também é verdade que não estávamos lá.
        A tecnologia moderna transformou quase todos os aspectos da nossa vida diária. As empresas usam a análise de dados para conhecer melhor os seus clientes, melhorar os seus produtos e desenvolver novas estratégias de crescimento. Ao mesmo tempo, muitas pessoas se preocupam com a privacidade e a segurança.
        Aqui estão algumas dicas práticas para escrever uma redação clara. Primeiro, escolha um tema específico e apresente o seu argumento principal na introdução. Depois, apoie cada ponto com provas, como exemplos ou dados de fontes confiáveis. Por fim, escreva uma conclusão que resuma as suas ideias sem repeti-las.
        — Onde você esteve o dia todo? — perguntou ela. — Estive na biblioteca — respondeu ele —, porque precisava terminar o meu relatório antes de sexta-feira. Ela sorriu e disse que o ajudaria a revisá-lo.
        As mudanças climáticas são um dos desafios mais graves que o mundo enfrenta hoje. O aumento das temperaturas afeta a agricultura, a água e a saúde pública, sobretudo nas comunidades mais pobres. Os governos, as empresas e os cidadãos precisam trabalhar juntos para reduzir as emissões.
        Normalmente, o usuário pode alterar as suas informações pessoais a partir do menu principal. Se esquecer a senha, o sistema enviará uma mensagem para o e-mail cadastrado. É importante que os dados estejam corretos e que mais ninguém tenha acesso à sua conta.
        Ontem choveu durante toda a tarde e as ruas ficaram cheias de água. As crianças não puderam sair para brincar, então ficaram lendo histórias perto da janela. Quando finalmente parou de chover, o céu ficou completamente azul e todos nós saímos para passear no parque.
        Quantas línguas são faladas no mundo? Os especialistas calculam que existem mais de sete mil idiomas, embora muitos deles estejam em perigo de desaparecer, porque há cada vez menos pessoas que os usam no dia a dia. Por isso é fundamental documentá-los e ensiná-los às novas gerações.
        """#),
        ("fr", #"""
        Ce matin, il faisait très froid, alors nous sommes restés à la maison et nous avons parlé des projets pour l'été. Mon frère veut voyager dans les montagnes, mais je préfère passer quelques semaines au bord de la mer. Nous n'avons encore rien décidé et nous avons toujours le temps d'y réfléchir.
        Les scientifiques ont montré que l'exercice régulier améliore la santé physique et le bien-être mental. Les personnes qui marchent trente minutes chaque jour risquent moins de souffrir de maladies cardiaques, et elles dorment souvent mieux la nuit.
        L'histoire de la ville remonte à plus de mille ans. Elle a été fondée comme un petit comptoir commercial au bord du fleuve et, au fil des siècles, elle est devenue l'un des centres de commerce les plus importants de la région.
        Si vous voulez préparer une bonne tasse de thé, faites d'abord bouillir de l'eau fraîche, puis versez-la sur les feuilles et laissez infuser environ trois minutes. Vous pouvez ajouter du lait ou du sucre selon votre goût. Ce qui compte, c'est que vous l'appréciiez.
        C'est pourquoi ils auraient dû savoir dans quelle direction le vent allait souffler, même si personne ne pouvait dire quand il changerait.
        La technologie moderne a transformé presque tous les aspects de notre vie quotidienne. Les entreprises utilisent l'analyse des données pour mieux connaître leurs clients, améliorer leurs produits et développer de nouvelles stratégies de croissance. En même temps, beaucoup de gens s'inquiètent de la protection de la vie privée et de la sécurité.
        Voici quelques conseils pratiques pour rédiger une dissertation claire. D'abord, choisissez un sujet précis et présentez votre argument principal dans l'introduction. Ensuite, appuyez chaque point sur des preuves, comme des exemples ou des données provenant de sources fiables. Enfin, rédigez une conclusion qui résume vos idées sans les répéter.
        « Où étais-tu toute la journée ? » demanda-t-elle. « J'étais à la bibliothèque, répondit-il, parce que je devais finir mon rapport avant vendredi. » Elle sourit et lui dit qu'elle l'aiderait à le relire.
        Le changement climatique est l'un des défis les plus graves auxquels le monde est confronté aujourd'hui. La hausse des températures touche l'agriculture, l'eau et la santé publique, surtout dans les communautés les plus pauvres. Les gouvernements, les entreprises et les citoyens doivent travailler ensemble pour réduire les émissions.
        Normalement, l'utilisateur peut modifier ses informations personnelles depuis le menu principal. S'il oublie son mot de passe, le système enverra un message à l'adresse électronique enregistrée. Il est important que les données soient exactes et que personne d'autre n'ait accès à son compte.
        Hier, il a plu tout l'après-midi et les rues se sont remplies d'eau. Les enfants n'ont pas pu sortir jouer, alors ils sont restés à lire des contes près de la fenêtre. Quand la pluie a enfin cessé, le ciel est devenu complètement bleu et nous sommes tous sortis nous promener dans le parc.
        Combien de langues parle-t-on dans le monde ? Les spécialistes estiment qu'il en existe plus de sept mille, mais beaucoup d'entre elles risquent de disparaître parce que de moins en moins de gens les utilisent au quotidien. C'est pourquoi il est essentiel de les documenter et de les transmettre aux nouvelles générations.
        """#),
        ("de", #"""
        Heute Morgen war es sehr kalt, deshalb sind wir zu Hause geblieben und haben über die Pläne für den Sommer gesprochen. Mein Bruder möchte in die Berge reisen, aber ich würde lieber ein paar Wochen am Meer verbringen. Wir haben uns noch nicht entschieden, und es ist noch Zeit, darüber nachzudenken.
        Wissenschaftler haben gezeigt, dass regelmäßige Bewegung sowohl die körperliche Gesundheit als auch das seelische Wohlbefinden verbessert. Menschen, die jeden Tag dreißig Minuten spazieren gehen, erkranken seltener an Herzkrankheiten und schlafen oft besser.
        Die Geschichte der Stadt reicht mehr als tausend Jahre zurück. Sie wurde als kleiner Handelsplatz am Fluss gegründet und entwickelte sich im Laufe der Jahrhunderte zu einem der wichtigsten Handelszentren der Region.
        Wenn du eine gute Tasse Tee zubereiten willst, koche zuerst frisches Wasser, gieße es dann über die Blätter und lass sie etwa drei Minuten ziehen. Du kannst Milch oder Zucker hinzufügen, ganz nach deinem Geschmack. Wichtig ist nur, dass er dir schmeckt.
        Deshalb hätten sie wissen müssen, aus welcher Richtung der Wind wehen würde, obwohl niemand sagen konnte, wann er sich ändern würde. Auch das ist nicht ganz falsch gewesen.
        Die moderne Technik hat fast jeden Bereich unseres Alltags verändert. Unternehmen nutzen Datenanalysen, um ihre Kunden besser zu verstehen, ihre Produkte zu verbessern und neue Strategien für das Wachstum zu entwickeln. Gleichzeitig machen sich viele Menschen Sorgen um den Datenschutz und die Sicherheit.
        Hier sind einige praktische Tipps für einen klaren Aufsatz. Wähle zuerst ein bestimmtes Thema und stelle deine wichtigste These in der Einleitung vor. Belege dann jeden Punkt mit Beweisen, zum Beispiel mit Beispielen oder Zahlen aus zuverlässigen Quellen. Schreibe zum Schluss ein Fazit, das deine Gedanken zusammenfasst, ohne sie einfach zu wiederholen.
        „Wo warst du den ganzen Tag?“, fragte sie. „Ich war in der Bibliothek“, antwortete er, „weil ich meinen Bericht bis Freitag fertig schreiben musste.“ Sie lächelte und sagte, sie würde ihm helfen, ihn durchzusehen.
        Der Klimawandel ist eine der größten Herausforderungen, vor denen die Welt heute steht. Steigende Temperaturen wirken sich auf die Landwirtschaft, die Wasserversorgung und die Gesundheit aus, vor allem in ärmeren Gemeinschaften. Regierungen, Unternehmen und Bürger müssen gemeinsam die Emissionen senken.
        Normalerweise kann der Benutzer seine persönlichen Daten über das Hauptmenü ändern. Wenn er sein Passwort vergisst, schickt ihm das System eine Nachricht an die hinterlegte E-Mail-Adresse. Es ist wichtig, dass die Angaben stimmen und niemand sonst Zugriff auf das Konto hat.
        Gestern hat es den ganzen Nachmittag geregnet, und die Straßen standen unter Wasser. Die Kinder konnten nicht zum Spielen hinausgehen, also blieben sie am Fenster und lasen Märchen. Als es endlich aufhörte zu regnen, wurde der Himmel ganz blau, und wir gingen alle im Park spazieren.
        Wie viele Sprachen werden auf der Welt gesprochen? Fachleute schätzen, dass es mehr als siebentausend gibt, doch viele davon sind vom Aussterben bedroht, weil immer weniger Menschen sie im Alltag benutzen. Deshalb ist es so wichtig, sie zu dokumentieren und an die nächsten Generationen weiterzugeben.
        """#),
        ("it", #"""
        Stamattina faceva molto freddo, così siamo rimasti a casa e abbiamo parlato dei programmi per l'estate. Mio fratello vuole viaggiare in montagna, ma io preferirei passare qualche settimana al mare. Non abbiamo ancora deciso niente e c'è ancora tempo per pensarci.
        Gli scienziati hanno dimostrato che l'esercizio fisico regolare migliora sia la salute del corpo sia il benessere mentale. Le persone che camminano trenta minuti ogni giorno hanno meno probabilità di soffrire di malattie cardiache e spesso dormono meglio la notte.
        La storia della città risale a più di mille anni fa. Fu fondata come un piccolo posto commerciale sul fiume e, nel corso dei secoli, divenne uno dei centri commerciali più importanti della regione.
        Se vuoi preparare una buona tazza di tè, prima fai bollire dell'acqua fresca, poi versala sulle foglie e lasciale in infusione per circa tre minuti. Puoi aggiungere latte o zucchero secondo il tuo gusto. Quello che conta è che ti piaccia.
        Per questo avrebbero dovuto sapere da quale parte avrebbe soffiato il vento, anche se nessuno poteva dire quando sarebbe cambiato. Anche questo è vero, perché eravamo là.
        La tecnologia moderna ha trasformato quasi ogni aspetto della nostra vita quotidiana. Le aziende usano l'analisi dei dati per conoscere meglio i loro clienti, migliorare i prodotti e sviluppare nuove strategie di crescita. Allo stesso tempo, molte persone sono preoccupate per la privacy e la sicurezza.
        Ecco alcuni consigli pratici per scrivere un tema chiaro. Prima di tutto, scegli un argomento preciso e presenta la tua tesi principale nell'introduzione. Poi sostieni ogni punto con delle prove, come esempi o dati provenienti da fonti affidabili. Infine, scrivi una conclusione che riassuma le tue idee senza ripeterle.
        «Dove sei stato tutto il giorno?» chiese lei. «Ero in biblioteca» rispose lui, «perché dovevo finire la relazione entro venerdì.» Lei sorrise e gli disse che lo avrebbe aiutato a rileggerla.
        Il cambiamento climatico è una delle sfide più gravi che il mondo deve affrontare oggi. L'aumento delle temperature colpisce l'agricoltura, le risorse idriche e la salute pubblica, soprattutto nelle comunità più povere. I governi, le imprese e i cittadini devono lavorare insieme per ridurre le emissioni.
        Normalmente l'utente può modificare le proprie informazioni personali dal menu principale. Se dimentica la password, il sistema invierà un messaggio all'indirizzo di posta elettronica registrato. È importante che i dati siano corretti e che nessun altro abbia accesso al suo account.
        Ieri ha piovuto per tutto il pomeriggio e le strade si sono riempite d'acqua. I bambini non sono potuti uscire a giocare, così sono rimasti a leggere fiabe vicino alla finestra. Quando finalmente ha smesso di piovere, il cielo è diventato completamente azzurro e siamo usciti tutti a passeggiare nel parco.
        Quante lingue si parlano nel mondo? Gli esperti calcolano che ne esistano più di settemila, anche se molte di esse rischiano di scomparire perché sempre meno persone le usano nella vita di tutti i giorni. Per questo è fondamentale documentarle e insegnarle alle nuove generazioni.
        """#),
        ("nl", #"""
        Vanochtend was het erg koud, dus we bleven thuis en praatten over de plannen voor de zomer. Mijn broer wil naar de bergen reizen, maar ik breng liever een paar weken aan zee door. We hebben nog niets besloten en er is nog tijd om erover na te denken.
        Wetenschappers hebben aangetoond dat regelmatige beweging zowel de lichamelijke gezondheid als het geestelijk welzijn verbetert. Mensen die elke dag een half uur wandelen, krijgen minder vaak hartziekten en slapen vaak beter.
        De geschiedenis van de stad gaat meer dan duizend jaar terug. Ze werd gesticht als een kleine handelspost aan de rivier en groeide in de loop van de eeuwen uit tot een van de belangrijkste handelscentra van de regio.
        Als je een goede kop thee wilt zetten, kook dan eerst vers water, giet het over de blaadjes en laat ze ongeveer drie minuten trekken. Je kunt melk of suiker toevoegen, naar gelang je smaak. Het belangrijkste is dat het je smaakt.
        Daarom hadden zij moeten weten uit welke richting de wind zou waaien, hoewel niemand kon zeggen wanneer het zou veranderen. Het is ook waar dat wij er niet bij waren.
        De moderne technologie heeft bijna elk aspect van ons dagelijks leven veranderd. Bedrijven gebruiken data-analyse om hun klanten beter te begrijpen, hun producten te verbeteren en nieuwe strategieën voor groei te ontwikkelen. Tegelijkertijd maken veel mensen zich zorgen over privacy en veiligheid.
        Hier zijn een paar praktische tips voor het schrijven van een duidelijk essay. Kies eerst een specifiek onderwerp en presenteer je belangrijkste argument in de inleiding. Onderbouw daarna elk punt met bewijs, zoals voorbeelden of cijfers uit betrouwbare bronnen. Schrijf tot slot een conclusie die je ideeën samenvat zonder ze te herhalen.
        "Waar ben je de hele dag geweest?" vroeg ze. "Ik was in de bibliotheek," antwoordde hij, "omdat ik mijn verslag voor vrijdag af moest hebben." Ze glimlachte en zei dat ze hem zou helpen het na te lezen.
        Klimaatverandering is een van de grootste uitdagingen waar de wereld vandaag voor staat. Stijgende temperaturen hebben gevolgen voor de landbouw, het water en de volksgezondheid, vooral in arme gemeenschappen.
        """#),
        ("af", #"""
        Vanoggend was dit baie koud, so ons het by die huis gebly en oor die planne vir die somer gepraat. My broer wil berge toe reis, maar ek sal eerder 'n paar weke by die see deurbring. Ons het nog niks besluit nie en daar is nog tyd om daaroor te dink.
        Wetenskaplikes het getoon dat gereelde oefening die liggaamlike gesondheid sowel as die geestelike welstand verbeter. Mense wat elke dag dertig minute stap, kry minder dikwels hartsiektes en slaap dikwels beter.
        Die geskiedenis van die stad strek meer as duisend jaar terug. Dit is as 'n klein handelspos aan die rivier gestig en het oor die eeue gegroei tot een van die belangrikste handelsentrums in die streek.
        As jy 'n goeie koppie tee wil maak, kook eers vars water, gooi dit oor die blare en laat dit omtrent drie minute trek. Jy kan melk of suiker byvoeg, na gelang van jou smaak. Wat die belangrikste is, is dat jy dit geniet.
        Daarom moes hulle geweet het uit watter rigting die wind sou waai, hoewel niemand kon sê wanneer dit sou verander nie. Dit is ook waar dat ons nie daar was nie.
        Moderne tegnologie het byna elke deel van ons daaglikse lewe verander. Maatskappye gebruik data-ontleding om hul kliënte beter te verstaan, hul produkte te verbeter en nuwe strategieë vir groei te ontwikkel. Terselfdertyd is baie mense bekommerd oor privaatheid en veiligheid.
        Hier is 'n paar praktiese wenke om 'n duidelike opstel te skryf. Kies eers 'n spesifieke onderwerp en stel jou hoofargument in die inleiding. Ondersteun dan elke punt met bewyse, soos voorbeelde of syfers uit betroubare bronne. Skryf laastens 'n gevolgtrekking wat jou gedagtes opsom sonder om dit te herhaal.
        Klimaatsverandering is een van die grootste uitdagings wat die wêreld vandag in die gesig staar. Stygende temperature raak die landbou, die watervoorraad en die openbare gesondheid.
        """#),
        ("pl", #"""
        Dziś rano było bardzo zimno, więc zostaliśmy w domu i rozmawialiśmy o planach na lato. Mój brat chce pojechać w góry, ale ja wolałbym spędzić kilka tygodni nad morzem. Jeszcze nic nie zdecydowaliśmy i mamy czas, żeby się nad tym zastanowić.
        Naukowcy wykazali, że regularne ćwiczenia poprawiają zarówno zdrowie fizyczne, jak i samopoczucie psychiczne. Ludzie, którzy codziennie spacerują przez trzydzieści minut, rzadziej chorują na serce i często lepiej śpią w nocy.
        Historia miasta sięga ponad tysiąca lat. Zostało założone jako mała osada handlowa nad rzeką, a w ciągu wieków stało się jednym z najważniejszych ośrodków handlu w regionie.
        Jeśli chcesz przygotować dobrą filiżankę herbaty, najpierw zagotuj świeżą wodę, potem zalej nią liście i pozostaw je na około trzy minuty. Możesz dodać mleko albo cukier, zależnie od gustu. Najważniejsze jest to, żeby ci smakowała.
        Dlatego powinni byli wiedzieć, z której strony będzie wiał wiatr, chociaż nikt nie potrafił powiedzieć, kiedy się to zmieni. To też jest prawda, że nas tam nie było.
        Nowoczesna technologia zmieniła niemal każdy aspekt naszego codziennego życia. Firmy wykorzystują analizę danych, aby lepiej zrozumieć swoich klientów, ulepszać produkty i opracowywać nowe strategie rozwoju. Jednocześnie wiele osób martwi się o prywatność i bezpieczeństwo.
        Oto kilka praktycznych wskazówek, jak napisać przejrzysty esej. Najpierw wybierz konkretny temat i przedstaw główną tezę we wstępie. Następnie poprzyj każdy punkt dowodami, na przykład przykładami lub danymi z wiarygodnych źródeł. Na koniec napisz zakończenie, które podsumuje twoje myśli, ale ich nie powtórzy.
        — Gdzie byłeś przez cały dzień? — zapytała. — W bibliotece — odpowiedział — bo musiałem skończyć raport przed piątkiem. Uśmiechnęła się i powiedziała, że pomoże mu go sprawdzić.
        Zmiany klimatu są jednym z najpoważniejszych wyzwań, przed którymi stoi dziś świat. Rosnące temperatury wpływają na rolnictwo, zasoby wody i zdrowie publiczne, zwłaszcza w biedniejszych społecznościach.
        """#),
        ("vi", #"""
        Sáng nay trời rất lạnh, nên chúng tôi ở nhà và nói chuyện về kế hoạch cho mùa hè. Anh trai tôi muốn đi du lịch lên núi, nhưng tôi thích dành vài tuần ở bên bờ biển hơn. Chúng tôi vẫn chưa quyết định và vẫn còn thời gian để suy nghĩ.
        Các nhà khoa học đã chứng minh rằng tập thể dục đều đặn giúp cải thiện cả sức khỏe thể chất lẫn tinh thần. Những người đi bộ ba mươi phút mỗi ngày ít có nguy cơ mắc bệnh tim hơn và thường ngủ ngon hơn vào ban đêm.
        Lịch sử của thành phố có từ hơn một nghìn năm trước. Nó được thành lập như một trạm buôn bán nhỏ bên sông và qua nhiều thế kỷ đã trở thành một trong những trung tâm thương mại quan trọng nhất của khu vực.
        Nếu bạn muốn pha một tách trà ngon, trước tiên hãy đun sôi nước sạch, sau đó rót lên lá trà và để chúng ngấm khoảng ba phút. Bạn có thể thêm sữa hoặc đường tùy theo khẩu vị. Điều quan trọng nhất là bạn thấy thích nó.
        Vì vậy họ lẽ ra phải biết gió sẽ thổi từ hướng nào, mặc dù không ai có thể nói khi nào nó sẽ thay đổi. Cũng đúng là chúng tôi đã không có mặt ở đó.
        Công nghệ hiện đại đã thay đổi gần như mọi khía cạnh trong cuộc sống hằng ngày của chúng ta. Các doanh nghiệp sử dụng phân tích dữ liệu để hiểu rõ hơn về khách hàng, cải thiện sản phẩm và phát triển những chiến lược tăng trưởng mới. Đồng thời, nhiều người lo lắng về quyền riêng tư và an ninh.
        Dưới đây là một vài lời khuyên thực tế để viết một bài luận rõ ràng. Trước hết, hãy chọn một chủ đề cụ thể và nêu luận điểm chính trong phần mở bài. Sau đó, hãy củng cố mỗi ý bằng bằng chứng như ví dụ hoặc số liệu từ những nguồn đáng tin cậy. Cuối cùng, viết một kết luận tóm tắt ý tưởng của bạn mà không lặp lại chúng.
        Biến đổi khí hậu là một trong những thách thức nghiêm trọng nhất mà thế giới đang phải đối mặt. Nhiệt độ tăng cao ảnh hưởng đến nông nghiệp, nguồn nước và sức khỏe cộng đồng, nhất là ở những cộng đồng nghèo.
        """#),
        ("sw", #"""
        Asubuhi hii kulikuwa na baridi sana, kwa hiyo tulikaa nyumbani na kuzungumza kuhusu mipango ya kiangazi. Kaka yangu anataka kusafiri kwenda milimani, lakini mimi ningependa kukaa wiki chache kando ya bahari. Bado hatujaamua na bado tuna muda wa kufikiri juu yake.
        Wanasayansi wameonyesha kwamba mazoezi ya mara kwa mara yanaboresha afya ya mwili na ustawi wa akili. Watu wanaotembea kwa dakika thelathini kila siku wana uwezekano mdogo wa kupata magonjwa ya moyo, na mara nyingi hulala vizuri zaidi usiku.
        Historia ya mji huu inarudi nyuma zaidi ya miaka elfu moja. Ulianzishwa kama kituo kidogo cha biashara kando ya mto, na kwa karne nyingi ulikua kuwa moja ya vituo muhimu zaidi vya biashara katika eneo hilo.
        Ikiwa unataka kutengeneza kikombe kizuri cha chai, kwanza chemsha maji safi, kisha yamimine juu ya majani na uyaache kwa takriban dakika tatu. Unaweza kuongeza maziwa au sukari kulingana na ladha yako. Jambo muhimu zaidi ni kwamba unaifurahia.
        Kwa sababu hiyo walipaswa kujua upepo ungevuma kutoka upande gani, ingawa hakuna mtu aliyeweza kusema ni lini ungebadilika. Ni kweli pia kwamba sisi hatukuwepo pale.
        Teknolojia ya kisasa imebadilisha karibu kila sehemu ya maisha yetu ya kila siku. Makampuni hutumia uchambuzi wa takwimu ili kuwaelewa wateja wao vizuri, kuboresha bidhaa zao na kubuni mikakati mipya ya kukua. Wakati huo huo, watu wengi wana wasiwasi kuhusu faragha na usalama wao.
        Hapa kuna vidokezo vichache vya kuandika insha iliyo wazi. Kwanza, chagua mada maalum na ueleze hoja yako kuu katika utangulizi. Pili, unga mkono kila hoja kwa ushahidi, kama vile mifano au takwimu kutoka vyanzo vinavyoaminika. Mwisho, andika hitimisho linalofupisha mawazo yako bila kuyarudia.
        "Ulikuwa wapi siku nzima?" aliuliza. "Nilikuwa maktaba," alijibu, "kwa sababu nilihitaji kumaliza ripoti yangu kabla ya Ijumaa." Alitabasamu na kusema kwamba atamsaidia kuikagua.
        Mabadiliko ya tabianchi ni mojawapo ya changamoto kubwa zaidi zinazoikabili dunia leo. Kuongezeka kwa joto kunaathiri kilimo, upatikanaji wa maji na afya ya jamii, hasa katika jamii maskini. Serikali, wafanyabiashara na wananchi wote wana jukumu la kupunguza uchafuzi.
        """#),
        ("fi", #"""
        Tänä aamuna oli hyvin kylmä, joten jäimme kotiin ja puhuimme kesän suunnitelmista. Veljeni haluaa matkustaa vuorille, mutta minä viettäisin mieluummin muutaman viikon meren rannalla. Emme ole vielä päättäneet mitään, ja meillä on vielä aikaa miettiä asiaa.
        Tutkijat ovat osoittaneet, että säännöllinen liikunta parantaa sekä fyysistä terveyttä että henkistä hyvinvointia. Ihmiset, jotka kävelevät kolmekymmentä minuuttia joka päivä, sairastuvat harvemmin sydäntauteihin ja nukkuvat usein paremmin.
        Kaupungin historia ulottuu yli tuhannen vuoden taakse. Se perustettiin pieneksi kauppapaikaksi joen varrelle, ja vuosisatojen kuluessa siitä kasvoi yksi alueen tärkeimmistä kaupan keskuksista.
        Jos haluat valmistaa hyvän kupillisen teetä, keitä ensin raikasta vettä, kaada se lehtien päälle ja anna niiden hautua noin kolme minuuttia. Voit lisätä maitoa tai sokeria makusi mukaan. Tärkeintä on, että nautit siitä.
        Siksi heidän olisi pitänyt tietää, mistä suunnasta tuuli puhaltaisi, vaikka kukaan ei voinut sanoa, milloin se muuttuisi. On myös totta, ettemme olleet siellä.
        Nykyaikainen teknologia on muuttanut lähes kaikki arkielämämme osa-alueet. Yritykset käyttävät data-analytiikkaa ymmärtääkseen asiakkaitaan paremmin, parantaakseen tuotteitaan ja kehittääkseen uusia kasvustrategioita. Samaan aikaan monet ihmiset ovat huolissaan yksityisyydestä ja turvallisuudesta.
        Tässä on muutama käytännön vinkki selkeän esseen kirjoittamiseen. Valitse ensin tarkka aihe ja esitä pääväitteesi johdannossa. Tue sitten jokaista kohtaa todisteilla, kuten esimerkeillä tai luotettavista lähteistä saaduilla tiedoilla. Kirjoita lopuksi yhteenveto, joka tiivistää ajatuksesi toistamatta niitä.
        "Missä sinä olit koko päivän?" hän kysyi. "Olin kirjastossa", mies vastasi, "koska minun piti saada raporttini valmiiksi ennen perjantaita." Nainen hymyili ja sanoi auttavansa häntä tarkistamaan sen.
        Ilmastonmuutos on yksi vakavimmista haasteista, joita maailma nykyään kohtaa. Nousevat lämpötilat vaikuttavat maatalouteen, vesivaroihin ja kansanterveyteen, erityisesti köyhissä yhteisöissä.
        """#),
        ("et", #"""
        Täna hommikul oli väga külm, seega jäime koju ja rääkisime suveplaanidest. Mu vend tahab reisida mägedesse, aga mina veedaksin pigem paar nädalat mere ääres. Me pole veel midagi otsustanud ja meil on veel aega selle üle mõelda.
        Teadlased on näidanud, et regulaarne liikumine parandab nii füüsilist tervist kui ka vaimset heaolu. Inimesed, kes jalutavad iga päev kolmkümmend minutit, haigestuvad harvem südamehaigustesse ja magavad sageli paremini.
        Linna ajalugu ulatub rohkem kui tuhande aasta taha. See rajati väikese kaubakohana jõe äärde ja sajandite jooksul kasvas sellest üks piirkonna tähtsamaid kaubanduskeskusi.
        Kui tahad teha head tassi teed, keeda kõigepealt värsket vett, vala see lehtedele ja lase umbes kolm minutit tõmmata. Võid lisada piima või suhkrut vastavalt oma maitsele. Kõige tähtsam on see, et sulle meeldib.
        Seepärast oleksid nad pidanud teadma, kust suunast tuul puhub, kuigi keegi ei osanud öelda, millal see muutub. On ka tõsi, et meid ei olnud seal.
        Tänapäeva tehnoloogia on muutnud peaaegu kõiki meie igapäevaelu valdkondi. Ettevõtted kasutavad andmeanalüüsi, et oma kliente paremini mõista, tooteid täiustada ja uusi kasvustrateegiaid välja töötada. Samal ajal muretsevad paljud inimesed privaatsuse ja turvalisuse pärast.
        Siin on mõned praktilised nõuanded selge essee kirjutamiseks. Kõigepealt vali kindel teema ja esita sissejuhatuses oma peamine väide. Seejärel toeta iga punkti tõenditega, näiteks näidete või usaldusväärsetest allikatest pärit andmetega. Lõpuks kirjuta kokkuvõte, mis võtab su mõtted kokku neid kordamata.
        Kliimamuutus on üks tõsisemaid väljakutseid, millega maailm täna silmitsi seisab.
        """#),
        ("sv", #"""
        I morse var det mycket kallt, så vi stannade hemma och pratade om planerna för sommaren. Min bror vill resa till bergen, men jag skulle hellre tillbringa några veckor vid havet. Vi har inte bestämt något ännu och det finns fortfarande tid att tänka på det.
        Forskare har visat att regelbunden motion förbättrar både den fysiska hälsan och det psykiska välbefinnandet. Människor som promenerar trettio minuter varje dag drabbas mer sällan av hjärtsjukdomar och sover ofta bättre på natten.
        Stadens historia sträcker sig mer än tusen år tillbaka. Den grundades som en liten handelsplats vid floden och växte under århundradenas lopp till ett av de viktigaste handelscentrumen i regionen.
        Om du vill göra en god kopp te, koka först färskt vatten, häll det över bladen och låt dem dra i ungefär tre minuter. Du kan tillsätta mjölk eller socker efter smak. Det viktigaste är att du tycker om det.
        Därför borde de ha vetat från vilket håll vinden skulle blåsa, även om ingen kunde säga när den skulle ändras. Det är också sant att vi inte var där.
        Modern teknik har förändrat nästan alla delar av vår vardag. Företag använder dataanalys för att förstå sina kunder bättre, förbättra sina produkter och utveckla nya strategier för tillväxt. Samtidigt oroar sig många människor för integriteten och säkerheten.
        Här är några praktiska råd för att skriva en tydlig uppsats. Välj först ett bestämt ämne och presentera ditt huvudargument i inledningen. Stöd sedan varje punkt med bevis, till exempel exempel eller siffror från pålitliga källor. Skriv till sist en slutsats som sammanfattar dina tankar utan att upprepa dem.
        Klimatförändringarna är en av de största utmaningarna som världen står inför i dag. Stigande temperaturer påverkar jordbruket, vattenförsörjningen och folkhälsan, särskilt i fattiga samhällen.
        """#),
        ("da", #"""
        I morges var det meget koldt, så vi blev hjemme og talte om planerne for sommeren. Min bror vil rejse til bjergene, men jeg vil hellere tilbringe et par uger ved havet. Vi har ikke besluttet noget endnu, og der er stadig tid til at tænke over det.
        Forskere har vist, at regelmæssig motion forbedrer både det fysiske helbred og det mentale velvære. Mennesker, der går en tur på tredive minutter hver dag, rammes sjældnere af hjertesygdomme og sover ofte bedre om natten.
        Byens historie går mere end tusind år tilbage. Den blev grundlagt som en lille handelsplads ved floden og voksede i løbet af århundrederne til et af de vigtigste handelscentre i regionen.
        Hvis du vil lave en god kop te, skal du først koge frisk vand, hælde det over bladene og lade dem trække i omkring tre minutter. Du kan tilsætte mælk eller sukker efter smag. Det vigtigste er, at du kan lide det.
        Derfor burde de have vidst, fra hvilken retning vinden ville blæse, selv om ingen kunne sige, hvornår den ville skifte. Det er også rigtigt, at vi ikke var der.
        Moderne teknologi har forandret næsten alle dele af vores hverdag. Virksomheder bruger dataanalyse til at forstå deres kunder bedre, forbedre deres produkter og udvikle nye strategier for vækst. Samtidig er mange mennesker bekymrede for privatlivets fred og sikkerheden.
        Her er nogle praktiske råd til at skrive en tydelig opgave. Vælg først et bestemt emne, og præsenter din vigtigste påstand i indledningen. Underbyg derefter hvert punkt med beviser, for eksempel eksempler eller tal fra pålidelige kilder. Skriv til sidst en konklusion, der opsummerer dine tanker uden blot at gentage dem.
        Klimaforandringerne er en af de største udfordringer, som verden står over for i dag. Stigende temperaturer påvirker landbruget, vandforsyningen og folkesundheden, især i fattige samfund. Regeringer, virksomheder og borgere må arbejde sammen om at nedbringe udledningerne.
        """#),
        ("no", #"""
        I morges var det veldig kaldt, så vi ble hjemme og snakket om planene for sommeren. Broren min vil reise til fjellet, men jeg vil heller tilbringe noen uker ved sjøen. Vi har ikke bestemt noe ennå, og det er fortsatt tid til å tenke på det.
        Forskere har vist at regelmessig mosjon forbedrer både den fysiske helsen og det psykiske velværet. Folk som går tur i tretti minutter hver dag, får sjeldnere hjertesykdommer og sover ofte bedre om natten.
        Byens historie strekker seg mer enn tusen år tilbake. Den ble grunnlagt som en liten handelsplass ved elven og vokste i løpet av århundrene til et av de viktigste handelssentrene i regionen.
        Hvis du vil lage en god kopp te, må du først koke friskt vann, helle det over bladene og la dem trekke i omtrent tre minutter. Du kan tilsette melk eller sukker etter smak. Det viktigste er at du liker det.
        Derfor burde de ha visst fra hvilken retning vinden ville blåse, selv om ingen kunne si når den ville endre seg. Det er også sant at vi ikke var der.
        Moderne teknologi har forandret nesten alle deler av hverdagen vår. Bedrifter bruker dataanalyse for å forstå kundene sine bedre, forbedre produktene sine og utvikle nye strategier for vekst. Samtidig er mange mennesker bekymret for personvern og sikkerhet.
        Her er noen praktiske råd for å skrive en tydelig oppgave. Velg først et bestemt tema, og legg fram hovedpåstanden din i innledningen. Underbygg deretter hvert punkt med bevis, for eksempel eksempler eller tall fra pålitelige kilder. Skriv til slutt en konklusjon som oppsummerer tankene dine uten å gjenta dem.
        Klimaendringene er en av de største utfordringene verden står overfor i dag. Stigende temperaturer påvirker jordbruket, vannforsyningen og folkehelsen, særlig i fattige samfunn. Myndigheter, bedrifter og innbyggere må samarbeide for å redusere utslippene.
        """#),
        ("ro", #"""
        În această dimineață a fost foarte frig, așa că am rămas acasă și am vorbit despre planurile pentru vară. Fratele meu vrea să călătorească la munte, dar eu aș prefera să petrec câteva săptămâni la mare. Nu am hotărât încă nimic și mai avem timp să ne gândim.
        Oamenii de știință au arătat că exercițiile regulate îmbunătățesc atât sănătatea fizică, cât și starea de bine mentală. Persoanele care merg pe jos treizeci de minute în fiecare zi suferă mai rar de boli de inimă și adesea dorm mai bine noaptea.
        Istoria orașului datează de peste o mie de ani. A fost întemeiat ca un mic punct comercial pe malul râului și, de-a lungul secolelor, a devenit unul dintre cele mai importante centre comerciale din regiune.
        Dacă vrei să pregătești o ceașcă bună de ceai, mai întâi fierbe apă proaspătă, apoi toarn-o peste frunze și lasă-le la infuzat aproximativ trei minute. Poți adăuga lapte sau zahăr, după gust. Cel mai important este să îți placă.
        De aceea ar fi trebuit să știe din ce direcție va bate vântul, deși nimeni nu putea spune când se va schimba. Este de asemenea adevărat că noi nu eram acolo.
        Tehnologia modernă a schimbat aproape fiecare aspect al vieții noastre de zi cu zi. Companiile folosesc analiza datelor pentru a-și înțelege mai bine clienții, pentru a-și îmbunătăți produsele și pentru a dezvolta noi strategii de creștere. În același timp, mulți oameni sunt îngrijorați de confidențialitate și securitate.
        Iată câteva sfaturi practice pentru a scrie un eseu clar. Mai întâi, alege o temă anume și prezintă argumentul principal în introducere. Apoi susține fiecare idee cu dovezi, cum ar fi exemple sau date din surse de încredere. La final, scrie o concluzie care să rezume ideile fără să le repete.
        Schimbările climatice sunt una dintre cele mai grave provocări cu care se confruntă lumea astăzi. Creșterea temperaturilor afectează agricultura, resursele de apă și sănătatea publică.
        """#),
        ("ca", #"""
        Aquest matí feia molt de fred, així que ens vam quedar a casa i vam parlar dels plans per a l'estiu. El meu germà vol viatjar a la muntanya, però jo preferiria passar unes setmanes vora el mar. Encara no hem decidit res i encara tenim temps per pensar-hi.
        Els científics han demostrat que l'exercici regular millora tant la salut física com el benestar mental. Les persones que caminen trenta minuts cada dia tenen menys probabilitats de patir malalties del cor i sovint dormen millor a la nit.
        La història de la ciutat es remunta a més de mil anys. Va ser fundada com un petit punt comercial al costat del riu i, amb el pas dels segles, es va convertir en un dels centres de comerç més importants de la regió.
        Si vols preparar una bona tassa de te, primer bull aigua fresca, després aboca-la sobre les fulles i deixa-les reposar uns tres minuts. Pots afegir-hi llet o sucre segons el teu gust. El més important és que t'agradi.
        Per això haurien d'haver sabut cap a on bufaria el vent, tot i que ningú no podia dir quan canviaria. També és cert que nosaltres no hi érem.
        La tecnologia moderna ha transformat gairebé tots els aspectes de la nostra vida quotidiana. Les empreses fan servir l'anàlisi de dades per conèixer millor els seus clients, millorar els seus productes i desenvolupar noves estratègies de creixement. Alhora, molta gent es preocupa per la privadesa i la seguretat.
        Aquí tens alguns consells pràctics per escriure una redacció clara. Primer, tria un tema concret i exposa el teu argument principal a la introducció. Després, dona suport a cada punt amb proves, com ara exemples o dades de fonts fiables. Finalment, escriu una conclusió que resumeixi les teves idees sense repetir-les.
        El canvi climàtic és un dels reptes més greus als quals s'enfronta el món avui. L'augment de les temperatures afecta l'agricultura, l'aigua i la salut pública, sobretot a les comunitats més pobres. Els governs, les empreses i els ciutadans han de treballar plegats per reduir les emissions.
        Normalment, l'usuari pot canviar la seva informació personal des del menú principal. Si oblida la contrasenya, el sistema li enviarà un missatge a l'adreça de correu electrònic registrada. És important que les dades siguin correctes i que ningú més tingui accés al seu compte.
        Ahir va ploure durant tota la tarda i els carrers es van omplir d'aigua. Els nens no van poder sortir a jugar, així que es van quedar llegint contes al costat de la finestra. Quan per fi va parar de ploure, el cel es va tornar completament blau i tots vam sortir a passejar pel parc.
        Quantes llengües es parlen al món? Els experts calculen que n'hi ha més de set mil, tot i que moltes estan en perill de desaparèixer perquè cada vegada hi ha menys persones que les fan servir en la vida quotidiana. Per això és fonamental documentar-les i ensenyar-les a les noves generacions.
        """#),
        ("id", #"""
        Pagi ini cuacanya sangat dingin, jadi kami tinggal di rumah dan berbicara tentang rencana untuk liburan musim panas. Kakak saya ingin bepergian ke gunung, tetapi saya lebih suka menghabiskan beberapa minggu di tepi laut. Kami belum memutuskan apa pun dan masih ada waktu untuk memikirkannya.
        Para ilmuwan telah menunjukkan bahwa olahraga secara teratur meningkatkan kesehatan fisik dan juga kesejahteraan mental. Orang yang berjalan kaki selama tiga puluh menit setiap hari lebih jarang terkena penyakit jantung dan sering tidur lebih nyenyak pada malam hari.
        Sejarah kota ini sudah berumur lebih dari seribu tahun. Kota ini didirikan sebagai pos perdagangan kecil di tepi sungai dan selama berabad-abad berkembang menjadi salah satu pusat perdagangan yang paling penting di wilayah tersebut.
        Jika Anda ingin membuat secangkir teh yang enak, pertama rebuslah air bersih, kemudian tuangkan ke atas daun teh dan biarkan selama sekitar tiga menit. Anda bisa menambahkan susu atau gula sesuai selera. Yang paling penting adalah Anda menikmatinya.
        Karena itu mereka seharusnya tahu dari arah mana angin akan bertiup, meskipun tidak ada yang bisa mengatakan kapan hal itu akan berubah. Memang benar juga bahwa kami tidak berada di sana.
        Teknologi modern telah mengubah hampir semua aspek kehidupan kita sehari-hari. Perusahaan menggunakan analisis data untuk memahami pelanggan mereka dengan lebih baik, meningkatkan produk, dan mengembangkan strategi pertumbuhan yang baru. Pada saat yang sama, banyak orang khawatir tentang privasi dan keamanan.
        Berikut beberapa tips praktis untuk menulis esai yang jelas. Pertama, pilihlah topik yang spesifik dan sampaikan argumen utama Anda di bagian pendahuluan. Kedua, dukung setiap poin dengan bukti, seperti contoh atau data dari sumber yang dapat dipercaya. Terakhir, tulislah kesimpulan yang merangkum gagasan Anda tanpa mengulanginya.
        Perubahan iklim adalah salah satu tantangan paling serius yang dihadapi dunia saat ini. Kenaikan suhu memengaruhi pertanian, persediaan air, dan kesehatan masyarakat, terutama di komunitas yang miskin.
        """#),
        ("tl", #"""
        Napakalamig kaninang umaga, kaya nanatili kami sa bahay at nag-usap tungkol sa mga plano para sa tag-araw. Gusto ng kapatid kong lalaki na maglakbay sa bundok, pero mas gusto kong gumugol ng ilang linggo sa tabing-dagat. Hindi pa kami nakapagpasya at may panahon pa para pag-isipan ito.
        Ipinakita ng mga siyentipiko na ang regular na pag-eehersisyo ay nagpapabuti sa kalusugan ng katawan at sa kapakanan ng isip. Ang mga taong naglalakad nang tatlumpung minuto araw-araw ay mas bihirang magkasakit sa puso at kadalasang mas mahimbing ang tulog nila sa gabi.
        Ang kasaysayan ng lungsod ay umaabot nang mahigit isang libong taon. Itinatag ito bilang isang maliit na himpilan ng kalakalan sa tabi ng ilog, at sa paglipas ng mga siglo ay naging isa ito sa pinakamahalagang sentro ng kalakalan sa rehiyon.
        Kung gusto mong gumawa ng isang masarap na tasa ng tsaa, pakuluan muna ang malinis na tubig, pagkatapos ay ibuhos ito sa mga dahon at hayaan nang mga tatlong minuto. Maaari kang magdagdag ng gatas o asukal ayon sa iyong panlasa. Ang pinakamahalaga ay nasisiyahan ka rito.
        Kaya dapat sana ay alam nila kung saang direksyon iihip ang hangin, kahit na walang makapagsabi kung kailan ito magbabago. Totoo rin na wala kami roon.
        Binago ng makabagong teknolohiya ang halos lahat ng bahagi ng ating pang-araw-araw na buhay. Gumagamit ang mga kumpanya ng pagsusuri ng datos upang mas maunawaan ang kanilang mga kostumer, mapabuti ang kanilang mga produkto, at makabuo ng mga bagong estratehiya para sa paglago. Kasabay nito, maraming tao ang nag-aalala tungkol sa kanilang privacy at seguridad.
        Narito ang ilang praktikal na payo sa pagsulat ng isang malinaw na sanaysay. Una, pumili ng isang tiyak na paksa at ilahad ang iyong pangunahing argumento sa panimula. Ikalawa, suportahan ang bawat punto ng mga ebidensya, tulad ng mga halimbawa o datos mula sa mga mapagkakatiwalaang sanggunian. Sa huli, sumulat ng isang konklusyon na nagbubuod ng iyong mga ideya.
        Ang pagbabago ng klima ay isa sa mga pinakamabigat na hamon na kinakaharap ng mundo ngayon. Naaapektuhan ng pagtaas ng temperatura ang agrikultura, ang suplay ng tubig, at ang kalusugan ng publiko.
        """#),
        ("tr", #"""
        Bu sabah hava çok soğuktu, bu yüzden evde kaldık ve yaz için planlardan konuştuk. Ağabeyim dağlara seyahat etmek istiyor, ama ben birkaç haftayı deniz kenarında geçirmeyi tercih ederim. Henüz bir şey kararlaştırmadık ve düşünmek için hâlâ zamanımız var.
        Bilim insanları düzenli egzersizin hem fiziksel sağlığı hem de ruhsal iyi oluşu geliştirdiğini göstermiştir. Her gün otuz dakika yürüyen insanlar kalp hastalıklarına daha az yakalanır ve geceleri genellikle daha iyi uyurlar.
        Şehrin tarihi bin yıldan daha eskiye dayanmaktadır. Nehir kenarında küçük bir ticaret noktası olarak kurulmuş ve yüzyıllar içinde bölgenin en önemli ticaret merkezlerinden biri haline gelmiştir.
        İyi bir fincan çay yapmak istiyorsanız, önce taze su kaynatın, sonra yaprakların üzerine dökün ve yaklaşık üç dakika demlenmeye bırakın. Zevkinize göre süt ya da şeker ekleyebilirsiniz. En önemlisi, onu sevmenizdir.
        Bu yüzden rüzgârın hangi yönden eseceğini bilmeleri gerekirdi, ama kimse bunun ne zaman değişeceğini söyleyemezdi. Bizim orada olmadığımız da doğrudur.
        Modern teknoloji günlük hayatımızın neredeyse her yönünü değiştirdi. Şirketler müşterilerini daha iyi anlamak, ürünlerini geliştirmek ve büyüme için yeni stratejiler oluşturmak amacıyla veri analizini kullanıyor. Aynı zamanda birçok insan gizlilik ve güvenlik konusunda endişe duyuyor.
        İşte açık bir makale yazmak için birkaç pratik öneri. Önce belirli bir konu seçin ve ana fikrinizi girişte ortaya koyun. Sonra her noktayı örnekler ya da güvenilir kaynaklardan alınan veriler gibi kanıtlarla destekleyin. Son olarak, düşüncelerinizi tekrar etmeden özetleyen bir sonuç yazın.
        İklim değişikliği bugün dünyanın karşı karşıya olduğu en ciddi sorunlardan biridir. Yükselen sıcaklıklar tarımı, su kaynaklarını ve halk sağlığını etkiliyor.
        """#),
        ("cs", #"""
        Dnes ráno byla velká zima, a tak jsme zůstali doma a mluvili o plánech na léto. Můj bratr chce cestovat do hor, ale já bych raději strávil několik týdnů u moře. Ještě jsme nic nerozhodli a stále máme čas o tom přemýšlet.
        Vědci prokázali, že pravidelný pohyb zlepšuje fyzické zdraví i duševní pohodu. Lidé, kteří každý den chodí třicet minut pěšky, méně často onemocní srdečními chorobami a v noci obvykle lépe spí.
        Historie města sahá více než tisíc let do minulosti. Bylo založeno jako malé obchodní místo u řeky a v průběhu staletí se stalo jedním z nejdůležitějších obchodních center v regionu.
        Pokud chceš připravit dobrý šálek čaje, nejprve převař čerstvou vodu, potom ji nalij na lístky a nech je louhovat asi tři minuty. Můžeš přidat mléko nebo cukr podle chuti. Nejdůležitější je, aby ti chutnal.
        Proto měli vědět, odkud bude foukat vítr, i když nikdo nedokázal říct, kdy se to změní. Je také pravda, že jsme tam nebyli.
        Moderní technologie změnily téměř všechny stránky našeho každodenního života. Firmy používají analýzu dat, aby lépe porozuměly svým zákazníkům, zlepšily své výrobky a vyvinuly nové strategie růstu. Zároveň se mnoho lidí obává o soukromí a bezpečnost.
        Zde je několik praktických rad, jak napsat srozumitelnou esej. Nejprve si vyberte konkrétní téma a v úvodu představte svůj hlavní argument. Potom každý bod podložte důkazy, například příklady nebo údaji ze spolehlivých zdrojů. Nakonec napište závěr, který vaše myšlenky shrne, aniž by je opakoval.
        Změna klimatu je jednou z nejvážnějších výzev, kterým dnes svět čelí. Rostoucí teploty ovlivňují zemědělství, zásobování vodou a veřejné zdraví, zejména v chudých komunitách.
        """#),
        ("sk", #"""
        Dnes ráno bola veľká zima, a tak sme zostali doma a rozprávali sme sa o plánoch na leto. Môj brat chce cestovať do hôr, ale ja by som radšej strávil niekoľko týždňov pri mori. Ešte sme nič nerozhodli a stále máme čas o tom premýšľať.
        Vedci dokázali, že pravidelný pohyb zlepšuje fyzické zdravie aj duševnú pohodu. Ľudia, ktorí každý deň chodia tridsať minút pešo, menej často ochorejú na srdcové choroby a v noci zvyčajne lepšie spia.
        História mesta siaha viac ako tisíc rokov do minulosti. Bolo založené ako malé obchodné miesto pri rieke a v priebehu storočí sa stalo jedným z najdôležitejších obchodných centier v regióne.
        Ak chceš pripraviť dobrú šálku čaju, najprv prevar čerstvú vodu, potom ju nalej na lístky a nechaj ich lúhovať asi tri minúty. Môžeš pridať mlieko alebo cukor podľa chuti. Najdôležitejšie je, aby ti chutil.
        Preto mali vedieť, odkiaľ bude fúkať vietor, hoci nikto nevedel povedať, kedy sa to zmení. Je tiež pravda, že sme tam neboli.
        Moderné technológie zmenili takmer všetky stránky nášho každodenného života. Firmy používajú analýzu údajov, aby lepšie porozumeli svojim zákazníkom, zlepšili svoje výrobky a vyvinuli nové stratégie rastu. Zároveň sa mnohí ľudia obávajú o súkromie a bezpečnosť.
        Tu je niekoľko praktických rád, ako napísať zrozumiteľnú esej. Najprv si vyberte konkrétnu tému a v úvode predstavte svoj hlavný argument. Potom každý bod podložte dôkazmi, napríklad príkladmi alebo údajmi zo spoľahlivých zdrojov. Nakoniec napíšte záver, ktorý vaše myšlienky zhrnie, ale nebude ich opakovať.
        Zmena klímy je jednou z najvážnejších výziev, ktorým dnes svet čelí. Rastúce teploty ovplyvňujú poľnohospodárstvo, zásobovanie vodou a verejné zdravie, najmä v chudobných komunitách.
        """#),
        ("hu", #"""
        Ma reggel nagyon hideg volt, ezért otthon maradtunk, és a nyári tervekről beszélgettünk. A bátyám a hegyekbe szeretne utazni, de én inkább néhány hetet töltenék a tengerparton. Még nem döntöttünk semmiről, és még van időnk gondolkodni rajta.
        A tudósok kimutatták, hogy a rendszeres testmozgás javítja a testi egészséget és a lelki jólétet is. Azok az emberek, akik minden nap harminc percet sétálnak, ritkábban betegszenek meg szívbetegségben, és gyakran jobban alszanak éjszaka.
        A város története több mint ezer évre nyúlik vissza. Kis kereskedelmi településként alapították a folyó partján, és az évszázadok során a régió egyik legfontosabb kereskedelmi központjává vált.
        Ha egy jó csésze teát szeretnél készíteni, először forralj friss vizet, aztán öntsd a levelekre, és hagyd állni körülbelül három percig. Ízlés szerint tejet vagy cukrot is adhatsz hozzá. A legfontosabb az, hogy ízlen neked.
        Ezért tudniuk kellett volna, hogy melyik irányból fog fújni a szél, bár senki sem tudta megmondani, mikor változik meg. Az is igaz, hogy mi nem voltunk ott.
        A modern technológia mindennapi életünk szinte minden területét megváltoztatta. A vállalatok adatelemzést használnak, hogy jobban megértsék ügyfeleiket, fejlesszék termékeiket, és új növekedési stratégiákat dolgozzanak ki. Ugyanakkor sokan aggódnak a magánszféra és a biztonság miatt.
        Íme néhány gyakorlati tanács egy világos esszé megírásához. Először válassz egy konkrét témát, és a bevezetésben fogalmazd meg a fő állításodat. Ezután minden pontot támassz alá bizonyítékokkal, például példákkal vagy megbízható forrásokból származó adatokkal. Végül írj egy összegzést, amely nem ismétli meg a gondolataidat.
        Az éghajlatváltozás a világ egyik legsúlyosabb kihívása napjainkban. Az emelkedő hőmérséklet hatással van a mezőgazdaságra, a vízellátásra és a közegészségre.
        """#),
        ("hr", #"""
        Jutros je bilo jako hladno, pa smo ostali kod kuće i razgovarali o planovima za ljeto. Moj brat želi putovati u planine, ali ja bih radije proveo nekoliko tjedana uz more. Još ništa nismo odlučili i imamo vremena da razmislimo o tome.
        Znanstvenici su pokazali da redovita tjelovježba poboljšava i tjelesno zdravlje i duševnu dobrobit. Ljudi koji svaki dan hodaju trideset minuta rjeđe obolijevaju od srčanih bolesti i često bolje spavaju noću.
        Povijest grada seže više od tisuću godina unatrag. Osnovan je kao malo trgovačko mjesto uz rijeku, a tijekom stoljeća postao je jedno od najvažnijih trgovačkih središta u regiji.
        Ako želiš pripremiti dobru šalicu čaja, najprije prokuhaj svježu vodu, zatim je prelij preko listića i pusti ih da odstoje oko tri minute. Možeš dodati mlijeko ili šećer prema ukusu. Najvažnije je da ti se sviđa.
        Zato su trebali znati s koje će strane puhati vjetar, iako nitko nije mogao reći kada će se to promijeniti. Također je istina da mi nismo bili tamo.
        Moderna tehnologija promijenila je gotovo svaki dio našeg svakodnevnog života. Tvrtke koriste analizu podataka kako bi bolje razumjele svoje kupce, poboljšale proizvode i razvile nove strategije rasta. Istodobno se mnogi ljudi brinu za privatnost i sigurnost.
        Evo nekoliko praktičnih savjeta za pisanje jasnog eseja. Najprije odaberi određenu temu i iznesi svoju glavnu tvrdnju u uvodu. Zatim svaku točku potkrijepi dokazima, primjerice primjerima ili podacima iz pouzdanih izvora. Na kraju napiši zaključak koji sažima tvoje misli, ali ih ne ponavlja.
        Klimatske promjene jedan su od najozbiljnijih izazova s kojima se svijet danas suočava. Rast temperatura utječe na poljoprivredu, opskrbu vodom i javno zdravlje, osobito u siromašnim zajednicama.
        """#),
        ("sl", #"""
        Danes zjutraj je bilo zelo mrzlo, zato smo ostali doma in se pogovarjali o načrtih za poletje. Moj brat želi potovati v gore, jaz pa bi raje preživel nekaj tednov ob morju. Nič še nismo odločili in še imamo čas, da razmislimo o tem.
        Znanstveniki so pokazali, da redna telesna dejavnost izboljša tako telesno zdravje kot duševno počutje. Ljudje, ki vsak dan hodijo trideset minut, redkeje zbolijo za srčnimi boleznimi in ponoči pogosto bolje spijo.
        Zgodovina mesta sega več kot tisoč let nazaj. Ustanovljeno je bilo kot majhna trgovska postojanka ob reki in je v teku stoletij postalo eno najpomembnejših trgovskih središč v regiji.
        Če želiš pripraviti dobro skodelico čaja, najprej zavri svežo vodo, nato jo prelij čez lističe in jih pusti stati približno tri minute. Dodaš lahko mleko ali sladkor po okusu. Najpomembnejše je, da ti je všeč.
        Zato bi morali vedeti, od kod bo pihal veter, čeprav nihče ni mogel reči, kdaj se bo to spremenilo. Res je tudi, da nas tam ni bilo.
        Sodobna tehnologija je spremenila skoraj vse vidike našega vsakdanjega življenja. Podjetja uporabljajo analizo podatkov, da bi bolje razumela svoje stranke, izboljšala izdelke in razvila nove strategije rasti. Hkrati je veliko ljudi zaskrbljenih zaradi zasebnosti in varnosti.
        Tukaj je nekaj praktičnih nasvetov za pisanje jasnega eseja. Najprej izberi določeno temo in v uvodu predstavi svojo glavno trditev. Nato vsako točko podpri z dokazi, na primer s primeri ali podatki iz zanesljivih virov. Na koncu napiši sklep, ki povzame tvoje misli, ne da bi jih ponavljal.
        Podnebne spremembe so eden največjih izzivov, s katerimi se danes sooča svet. Naraščanje temperatur vpliva na kmetijstvo, oskrbo z vodo in javno zdravje, zlasti v revnih skupnostih.
        """#),
        ("lt", #"""
        Šį rytą buvo labai šalta, todėl likome namie ir kalbėjomės apie vasaros planus. Mano brolis nori keliauti į kalnus, bet aš mieliau praleisčiau kelias savaites prie jūros. Dar nieko nenusprendėme ir dar turime laiko apie tai pagalvoti.
        Mokslininkai įrodė, kad reguliari mankšta gerina ir fizinę sveikatą, ir psichinę gerovę. Žmonės, kurie kiekvieną dieną vaikšto trisdešimt minučių, rečiau serga širdies ligomis ir dažnai geriau miega naktį.
        Miesto istorija siekia daugiau nei tūkstantį metų. Jis buvo įkurtas kaip nedidelė prekybos vieta prie upės ir per šimtmečius tapo vienu svarbiausių prekybos centrų regione.
        Jei nori paruošti gerą puodelį arbatos, pirmiausia užvirink šviežio vandens, tada užpilk juo lapelius ir palik juos maždaug trims minutėms. Gali įdėti pieno ar cukraus pagal skonį. Svarbiausia, kad tau patiktų.
        Todėl jie turėjo žinoti, iš kurios pusės pūs vėjas, nors niekas negalėjo pasakyti, kada tai pasikeis. Taip pat tiesa, kad mūsų ten nebuvo.
        """#),
        ("lv", #"""
        Šorīt bija ļoti auksts, tāpēc mēs palikām mājās un runājām par vasaras plāniem. Mans brālis grib ceļot uz kalniem, bet es labprātāk pavadītu dažas nedēļas pie jūras. Mēs vēl neko neesam izlēmuši, un mums vēl ir laiks par to padomāt.
        Zinātnieki ir pierādījuši, ka regulāras fiziskās aktivitātes uzlabo gan fizisko veselību, gan garīgo labsajūtu. Cilvēki, kuri katru dienu staigā trīsdesmit minūtes, retāk slimo ar sirds slimībām un bieži vien naktī labāk guļ.
        Pilsētas vēsture sniedzas vairāk nekā tūkstoš gadu senā pagātnē. Tā tika dibināta kā neliela tirdzniecības vieta pie upes un gadsimtu gaitā kļuva par vienu no svarīgākajiem tirdzniecības centriem reģionā.
        Ja tu vēlies pagatavot labu tasi tējas, vispirms uzvāri svaigu ūdeni, tad uzlej to uz lapām un ļauj tām ievilkties apmēram trīs minūtes. Vari pievienot pienu vai cukuru pēc garšas. Vissvarīgākais ir, lai tev tā garšotu.
        Tāpēc viņiem vajadzēja zināt, no kuras puses pūtīs vējš, lai gan neviens nevarēja pateikt, kad tas mainīsies. Ir arī taisnība, ka mūsu tur nebija.
        """#),
        ("sq", #"""
        Këtë mëngjes bënte shumë ftohtë, prandaj qëndruam në shtëpi dhe folëm për planet e verës. Vëllai im dëshiron të udhëtojë në mal, por unë do të preferoja të kaloja disa javë pranë detit. Ende nuk kemi vendosur asgjë dhe kemi ende kohë të mendojmë për këtë.
        Shkencëtarët kanë treguar se ushtrimet e rregullta përmirësojnë si shëndetin fizik ashtu edhe mirëqenien mendore. Njerëzit që ecin tridhjetë minuta çdo ditë vuajnë më rrallë nga sëmundjet e zemrës dhe shpesh flenë më mirë natën.
        Historia e qytetit shkon më shumë se një mijë vjet pas. Ai u themelua si një pikë e vogël tregtare pranë lumit dhe me kalimin e shekujve u bë një nga qendrat më të rëndësishme tregtare të rajonit.
        Nëse do të përgatisësh një filxhan të mirë çaji, fillimisht zier ujë të freskët, pastaj hidhe mbi gjethet dhe lëri të qëndrojnë rreth tre minuta. Mund të shtosh qumësht ose sheqer sipas shijes. Gjëja më e rëndësishme është që të të pëlqejë.
        Prandaj ata duhej ta dinin nga cili drejtim do të frynte era, edhe pse askush nuk mund të thoshte kur do të ndryshonte. Është gjithashtu e vërtetë që ne nuk ishim atje.
        """#),
        ("so", #"""
        Saakay waxay ahayd qabow aad u daran, sidaas darteed waxaan joognay guriga oo waxaan ka wada hadalnay qorshayaasha xagaaga. Walaalkay wuxuu doonayaa inuu u safro buuraha, laakiin anigu waxaan door bidi lahaa inaan dhowr toddobaad ku qaato xeebta. Weli wax go'aan ah ma aanan gaarin, waxaana weli haysanaa waqti aan ka fikirno.
        Saynisyahannadu waxay muujiyeen in jimicsiga joogtada ahi uu hagaajiyo caafimaadka jirka iyo ladnaanta maskaxda labadaba. Dadka maalin kasta socda soddon daqiiqo ayaa si yar ugu dhaca cudurrada wadnaha, inta badanna habeenkii si fiican ayay u seexdaan.
        Taariikhda magaaladu waxay dib u socotaa in ka badan kun sano. Waxaa loo aasaasay sidii goob ganacsi oo yar oo ku taal webiga agtiisa, qarniyo badan kadibna waxay noqotay mid ka mid ah xarumaha ganacsiga ugu muhiimsan gobolka.
        Haddii aad rabto inaad samayso koob shaah ah oo wanaagsan, marka hore karkari biyo nadiif ah, kadibna ku shub caleemaha oo u daa ilaa saddex daqiiqo. Waxaad ku dari kartaa caano ama sonkor sida aad jeceshahay. Waxa ugu muhiimsan waa inaad ku raaxaysato.
        Sidaas darteed waxay ahayd inay ogaadaan dhinaca uu dabayshu ka imaan doono, inkastoo cidna ma aysan sheegi karin goorta ay isbeddeli doonto. Sidoo kale waa run inaanan halkaas joogin.
        """#),
        ("cy", #"""
        Roedd hi'n oer iawn y bore 'ma, felly arhoson ni gartref a siarad am y cynlluniau ar gyfer yr haf. Mae fy mrawd eisiau teithio i'r mynyddoedd, ond byddai'n well gen i dreulio ychydig wythnosau ger y môr. Dydyn ni ddim wedi penderfynu eto ac mae digon o amser i feddwl am y peth.
        Mae gwyddonwyr wedi dangos bod ymarfer corff rheolaidd yn gwella iechyd corfforol a lles meddyliol. Mae pobl sy'n cerdded am dri deg munud bob dydd yn llai tebygol o ddioddef o glefyd y galon, ac maen nhw'n aml yn cysgu'n well yn y nos.
        Mae hanes y ddinas yn mynd yn ôl mwy na mil o flynyddoedd. Cafodd ei sefydlu fel canolfan fasnach fach ar lan yr afon, a thros y canrifoedd tyfodd yn un o ganolfannau masnach pwysicaf yr ardal.
        Os wyt ti eisiau gwneud paned dda o de, berwa ddŵr ffres yn gyntaf, yna arllwysa fe dros y dail a gad iddyn nhw fwydo am tua thri munud. Gelli di ychwanegu llaeth neu siwgr yn ôl dy flas. Y peth pwysicaf yw dy fod ti'n ei fwynhau.
        Felly dylen nhw fod wedi gwybod o ba gyfeiriad y byddai'r gwynt yn chwythu, er na allai neb ddweud pryd y byddai'n newid. Mae hefyd yn wir nad oedden ni yno.
        """#),
        ("ru", #"""
        Сегодня утром было очень холодно, поэтому мы остались дома и говорили о планах на лето. Мой брат хочет поехать в горы, а я бы лучше провёл несколько недель у моря. Мы ещё ничего не решили, и у нас есть время подумать об этом.
        Учёные показали, что регулярные физические упражнения улучшают как физическое здоровье, так и душевное благополучие. Люди, которые каждый день гуляют по тридцать минут, реже страдают от болезней сердца и часто лучше спят по ночам.
        История города насчитывает более тысячи лет. Он был основан как небольшой торговый пункт на берегу реки и за несколько веков стал одним из самых важных торговых центров в регионе.
        Если ты хочешь приготовить хорошую чашку чая, сначала вскипяти свежую воду, затем залей ею листья и дай им настояться около трёх минут. Можно добавить молоко или сахар по вкусу. Самое главное, чтобы тебе понравилось.
        Поэтому они должны были знать, с какой стороны подует ветер, хотя никто не мог сказать, когда это изменится. Это тоже правда, что нас там не было.
        Современные технологии изменили почти все стороны нашей повседневной жизни. Компании используют анализ данных, чтобы лучше понимать своих клиентов, улучшать продукты и разрабатывать новые стратегии развития. В то же время многие люди беспокоятся о конфиденциальности и безопасности.
        Вот несколько практических советов, как написать понятное эссе. Во-первых, выберите конкретную тему и изложите свою главную мысль во введении. Во-вторых, подкрепите каждый пункт доказательствами, например примерами или данными из надёжных источников. Наконец, напишите заключение, которое подводит итог вашим идеям, но не повторяет их.
        Изменение климата — одна из самых серьёзных проблем, с которыми сегодня сталкивается мир. Рост температуры влияет на сельское хозяйство, водные ресурсы и здоровье людей, особенно в бедных общинах. Правительства, компании и граждане должны вместе сокращать выбросы.
        """#),
        ("uk", #"""
        Сьогодні вранці було дуже холодно, тому ми залишилися вдома і розмовляли про плани на літо. Мій брат хоче поїхати в гори, а я б краще провів кілька тижнів біля моря. Ми ще нічого не вирішили, і в нас є час подумати про це.
        Науковці довели, що регулярні фізичні вправи покращують як фізичне здоров'я, так і душевний добробут. Люди, які щодня гуляють по тридцять хвилин, рідше хворіють на серцеві хвороби і часто краще сплять уночі.
        Історія міста налічує понад тисячу років. Його було засновано як невеликий торговельний пункт на березі річки, і за кілька століть воно стало одним із найважливіших торговельних центрів у регіоні.
        Якщо ти хочеш приготувати добру чашку чаю, спочатку закип'яти свіжу воду, потім залий нею листя і дай йому настоятися близько трьох хвилин. Можна додати молоко або цукор за смаком. Найголовніше, щоб тобі сподобалося.
        Тому вони мали знати, з якого боку віятиме вітер, хоча ніхто не міг сказати, коли це зміниться. Це також правда, що нас там не було. Їхня ґанок був єдиним місцем, де ми зустрічалися.
        Сучасні технології змінили майже всі сторони нашого повсякденного життя. Компанії використовують аналіз даних, щоб краще розуміти своїх клієнтів, покращувати продукти й розробляти нові стратегії розвитку. Водночас багато людей непокоїться через приватність і безпеку.
        Ось кілька практичних порад, як написати зрозуміле есе. По-перше, оберіть конкретну тему і викладіть свою головну думку у вступі. По-друге, підкріпіть кожен пункт доказами, наприклад прикладами або даними з надійних джерел. Нарешті, напишіть висновок, який підсумовує ваші ідеї, але не повторює їх.
        Зміна клімату є однією з найсерйозніших проблем, з якими сьогодні стикається світ. Зростання температури впливає на сільське господарство, водні ресурси та здоров'я людей, особливо в бідних громадах. Уряди, компанії та громадяни мають разом скорочувати викиди.
        """#),
        ("bg", #"""
        Тази сутрин беше много студено, затова останахме вкъщи и говорихме за плановете за лятото. Брат ми иска да пътува до планината, но аз бих предпочел да прекарам няколко седмици на морето. Все още нищо не сме решили и имаме време да помислим за това.
        Учените са доказали, че редовните физически упражнения подобряват както физическото здраве, така и душевното благополучие. Хората, които всеки ден се разхождат по трийсет минути, по-рядко страдат от сърдечни заболявания и често спят по-добре през нощта.
        Историята на града е на повече от хиляда години. Той е бил основан като малък търговски пункт на брега на реката и през вековете се е превърнал в един от най-важните търговски центрове в региона.
        Ако искаш да приготвиш хубава чаша чай, първо завари прясна вода, след това я излей върху листата и ги остави да престоят около три минути. Можеш да добавиш мляко или захар според вкуса си. Най-важното е да ти хареса.
        Затова те трябваше да знаят откъде ще духа вятърът, въпреки че никой не можеше да каже кога това ще се промени. Вярно е също, че ние не бяхме там.
        Съвременните технологии промениха почти всички страни на ежедневния ни живот. Компаниите използват анализ на данни, за да разбират по-добре своите клиенти, да подобряват продуктите си и да разработват нови стратегии за растеж. В същото време много хора се тревожат за личната си неприкосновеност и сигурността.
        Ето няколко практически съвета как да напишете ясно есе. Първо, изберете конкретна тема и изложете основната си теза във въведението. След това подкрепете всяка точка с доказателства, например с примери или данни от надеждни източници. Накрая напишете заключение, което обобщава идеите ви, без да ги повтаря.
        Изменението на климата е едно от най-сериозните предизвикателства, пред които е изправен светът днес. Покачването на температурите засяга селското стопанство, водните ресурси и общественото здраве, особено в бедните общности.
        """#),
        ("mk", #"""
        Ова утро беше многу студено, па останавме дома и разговаравме за плановите за летото. Брат ми сака да патува на планина, но јас повеќе би сакал да поминам неколку недели на море. Сè уште ништо не сме одлучиле и имаме време да размислиме за тоа.
        Научниците докажаа дека редовното вежбање го подобрува и физичкото здравје и душевната благосостојба. Луѓето што секој ден шетаат по триесет минути поретко заболуваат од срцеви болести и често подобро спијат ноќе.
        Историјата на градот датира од пред повеќе од илјада години. Тој бил основан како мало трговско место покрај реката и со текот на вековите станал еден од најважните трговски центри во регионот.
        Ако сакаш да подготвиш добра шолја чај, прво зоври свежа вода, потоа прелиј ја врз лисјата и остави ги да отстојат околу три минути. Можеш да додадеш млеко или шеќер според вкусот. Најважно е тоа да ти се допаѓа.
        Затоа тие требаше да знаат од која страна ќе дува ветерот, иако никој не можеше да каже кога тоа ќе се промени. Вистина е и дека ние не бевме таму.
        Современата технологија ги промени речиси сите аспекти на нашиот секојдневен живот. Компаниите користат анализа на податоци за подобро да ги разберат своите клиенти, да ги подобрат производите и да развијат нови стратегии за раст. Во исто време, многу луѓе се загрижени за приватноста и безбедноста.
        Еве неколку практични совети како да напишете јасен есеј. Прво, изберете конкретна тема и изнесете ја вашата главна теза во воведот. Потоа, поткрепете ја секоја точка со докази, на пример со примери или податоци од доверливи извори. На крајот, напишете заклучок што ги сумира вашите идеи без да ги повторува.
        Климатските промени се еден од најсериозните предизвици со кои денес се соочува светот. Зголемувањето на температурите влијае врз земјоделството, водните ресурси и јавното здравје.
        """#),
        ("ar", #"""
        كان الجو باردا جدا هذا الصباح، لذلك بقينا في البيت وتحدثنا عن خطط الصيف. يريد أخي أن يسافر إلى الجبال، لكنني أفضل أن أقضي بضعة أسابيع على شاطئ البحر. لم نقرر شيئا بعد، وما زال لدينا وقت للتفكير في الأمر.
        أظهر العلماء أن ممارسة الرياضة بانتظام تحسن الصحة الجسدية والراحة النفسية معا. والأشخاص الذين يمشون ثلاثين دقيقة كل يوم أقل عرضة للإصابة بأمراض القلب، وغالبا ما ينامون بشكل أفضل في الليل.
        يعود تاريخ المدينة إلى أكثر من ألف عام. فقد تأسست كمركز تجاري صغير على ضفة النهر، ومع مرور القرون أصبحت واحدة من أهم المراكز التجارية في المنطقة.
        إذا أردت أن تحضر كوبا جيدا من الشاي، فاغل الماء النظيف أولا، ثم اسكبه على الأوراق واتركها حوالي ثلاث دقائق. يمكنك أن تضيف الحليب أو السكر حسب ذوقك. والأهم هو أن تستمتع به.
        لهذا كان عليهم أن يعرفوا من أي جهة ستهب الريح، مع أن أحدا لم يستطع أن يقول متى سيتغير ذلك. وصحيح أيضا أننا لم نكن هناك.
        غيرت التكنولوجيا الحديثة تقريبا كل جوانب حياتنا اليومية. تستخدم الشركات تحليل البيانات لفهم عملائها بشكل أفضل وتحسين منتجاتها ووضع استراتيجيات جديدة للنمو. وفي الوقت نفسه، يشعر كثير من الناس بالقلق بشأن الخصوصية والأمن.
        إليك بعض النصائح العملية لكتابة مقال واضح. أولا، اختر موضوعا محددا واعرض فكرتك الرئيسية في المقدمة. ثانيا، ادعم كل نقطة بالأدلة، مثل الأمثلة أو البيانات من مصادر موثوقة. وأخيرا، اكتب خاتمة تلخص أفكارك دون أن تكررها.
        يعد تغير المناخ من أخطر التحديات التي يواجهها العالم اليوم. فارتفاع درجات الحرارة يؤثر في الزراعة والمياه والصحة العامة، ولا سيما في المجتمعات الفقيرة. وعلى الحكومات والشركات والمواطنين أن يعملوا معا من أجل خفض الانبعاثات.
        """#),
        ("fa", #"""
        امروز صبح هوا خیلی سرد بود، برای همین در خانه ماندیم و درباره برنامه‌های تابستان صحبت کردیم. برادرم می‌خواهد به کوهستان سفر کند، اما من ترجیح می‌دهم چند هفته را کنار دریا بگذرانم. هنوز چیزی تصمیم نگرفته‌ایم و هنوز برای فکر کردن وقت داریم.
        دانشمندان نشان داده‌اند که ورزش منظم هم سلامت جسمی و هم آرامش روانی را بهتر می‌کند. کسانی که هر روز سی دقیقه پیاده‌روی می‌کنند کمتر به بیماری‌های قلبی دچار می‌شوند و اغلب شب‌ها بهتر می‌خوابند.
        تاریخ این شهر به بیش از هزار سال پیش برمی‌گردد. این شهر به عنوان یک بازارگاه کوچک در کنار رودخانه بنا شد و در طول قرن‌ها به یکی از مهم‌ترین مراکز تجاری منطقه تبدیل شد.
        اگر می‌خواهی یک فنجان چای خوب درست کنی، اول آب تازه را بجوشان، بعد آن را روی برگ‌ها بریز و بگذار حدود سه دقیقه دم بکشد. می‌توانی به سلیقه خودت شیر یا شکر اضافه کنی. مهم‌ترین چیز این است که از آن لذت ببری.
        به همین دلیل آنها باید می‌دانستند که باد از کدام طرف خواهد وزید، هرچند هیچ‌کس نمی‌توانست بگوید کی این وضع تغییر می‌کند. این هم درست است که ما آنجا نبودیم.
        فناوری مدرن تقریبا همه جنبه‌های زندگی روزمره ما را تغییر داده است. شرکت‌ها از تحلیل داده‌ها استفاده می‌کنند تا مشتریان خود را بهتر بشناسند، محصولاتشان را بهبود دهند و راهبردهای تازه‌ای برای رشد طراحی کنند. در عین حال، بسیاری از مردم نگران حریم خصوصی و امنیت هستند.
        در اینجا چند توصیه عملی برای نوشتن یک مقاله روشن آمده است. نخست، یک موضوع مشخص انتخاب کنید و استدلال اصلی خود را در مقدمه بیان کنید. سپس هر نکته را با شواهدی مانند مثال‌ها یا داده‌هایی از منابع معتبر پشتیبانی کنید. در پایان، نتیجه‌ای بنویسید که ایده‌های شما را خلاصه کند.
        تغییرات اقلیمی یکی از جدی‌ترین چالش‌هایی است که جهان امروز با آن روبه‌رو است. افزایش دما بر کشاورزی، منابع آب و سلامت عمومی اثر می‌گذارد، به‌ویژه در جوامع فقیر.
        """#),
        ("ur", #"""
        آج صبح بہت سردی تھی، اس لیے ہم گھر پر رہے اور گرمیوں کے منصوبوں کے بارے میں بات کی۔ میرا بھائی پہاڑوں پر جانا چاہتا ہے، لیکن میں سمندر کے کنارے چند ہفتے گزارنا پسند کروں گا۔ ہم نے ابھی کچھ طے نہیں کیا اور سوچنے کے لیے ابھی وقت ہے۔
        سائنسدانوں نے دکھایا ہے کہ باقاعدہ ورزش جسمانی صحت اور ذہنی سکون دونوں کو بہتر بناتی ہے۔ جو لوگ ہر روز تیس منٹ پیدل چلتے ہیں وہ دل کی بیماریوں میں کم مبتلا ہوتے ہیں اور اکثر رات کو بہتر سوتے ہیں۔
        اس شہر کی تاریخ ایک ہزار سال سے بھی زیادہ پرانی ہے۔ یہ دریا کے کنارے ایک چھوٹے سے تجارتی مرکز کے طور پر قائم ہوا تھا اور صدیوں کے دوران علاقے کے سب سے اہم تجارتی مراکز میں سے ایک بن گیا۔
        اگر آپ چائے کا ایک اچھا کپ بنانا چاہتے ہیں تو پہلے تازہ پانی ابالیں، پھر اسے پتیوں پر ڈالیں اور تقریباً تین منٹ تک رہنے دیں۔ آپ اپنی پسند کے مطابق دودھ یا چینی ڈال سکتے ہیں۔ سب سے اہم بات یہ ہے کہ آپ اس سے لطف اٹھائیں۔
        اسی لیے انہیں معلوم ہونا چاہیے تھا کہ ہوا کس طرف سے چلے گی، حالانکہ کوئی نہیں بتا سکتا تھا کہ یہ کب بدلے گی۔ یہ بھی سچ ہے کہ ہم وہاں نہیں تھے۔
        جدید ٹیکنالوجی نے ہماری روزمرہ زندگی کے تقریباً ہر پہلو کو بدل دیا ہے۔ کمپنیاں اپنے گاہکوں کو بہتر طور پر سمجھنے، اپنی مصنوعات کو بہتر بنانے اور ترقی کے لیے نئی حکمت عملی تیار کرنے کے لیے ڈیٹا کے تجزیے کا استعمال کرتی ہیں۔ اسی وقت بہت سے لوگ رازداری اور حفاظت کے بارے میں فکرمند ہیں۔
        یہاں ایک واضح مضمون لکھنے کے لیے چند عملی مشورے ہیں۔ سب سے پہلے ایک مخصوص موضوع منتخب کریں اور تعارف میں اپنی بنیادی دلیل پیش کریں۔ پھر ہر نکتے کی تائید ثبوتوں سے کریں، جیسے مثالیں یا قابل اعتماد ذرائع سے حاصل کردہ اعداد و شمار۔ آخر میں ایک نتیجہ لکھیں جو آپ کے خیالات کا خلاصہ پیش کرے۔
        موسمیاتی تبدیلی آج دنیا کو درپیش سب سے سنگین چیلنجوں میں سے ایک ہے۔ بڑھتا ہوا درجہ حرارت زراعت، پانی کی فراہمی اور عوامی صحت کو متاثر کرتا ہے، خاص طور پر غریب برادریوں میں۔
        """#),
        ("hi", #"""
        आज सुबह बहुत ठंड थी, इसलिए हम घर पर रहे और गर्मियों की योजनाओं के बारे में बात की। मेरा भाई पहाड़ों पर जाना चाहता है, लेकिन मैं कुछ हफ्ते समुद्र के किनारे बिताना पसंद करूँगा। हमने अभी तक कुछ तय नहीं किया है और सोचने के लिए अभी समय है।
        वैज्ञानिकों ने दिखाया है कि नियमित व्यायाम शारीरिक स्वास्थ्य और मानसिक शांति दोनों को बेहतर बनाता है। जो लोग हर दिन तीस मिनट पैदल चलते हैं, उन्हें दिल की बीमारियाँ कम होती हैं और वे अक्सर रात में बेहतर सोते हैं।
        इस शहर का इतिहास एक हज़ार साल से भी ज़्यादा पुराना है। इसकी स्थापना नदी के किनारे एक छोटे से व्यापारिक केंद्र के रूप में हुई थी और सदियों के दौरान यह क्षेत्र के सबसे महत्वपूर्ण व्यापारिक केंद्रों में से एक बन गया।
        अगर आप एक अच्छी कप चाय बनाना चाहते हैं, तो पहले ताज़ा पानी उबालें, फिर उसे पत्तियों पर डालें और लगभग तीन मिनट तक रहने दें। आप अपनी पसंद के अनुसार दूध या चीनी मिला सकते हैं। सबसे ज़रूरी बात यह है कि आपको इसका आनंद आए।
        इसीलिए उन्हें पता होना चाहिए था कि हवा किस तरफ़ से चलेगी, हालाँकि कोई नहीं बता सकता था कि यह कब बदलेगी। यह भी सच है कि हम वहाँ नहीं थे।
        आधुनिक तकनीक ने हमारे रोज़मर्रा के जीवन के लगभग हर पहलू को बदल दिया है। कंपनियाँ अपने ग्राहकों को बेहतर ढंग से समझने, अपने उत्पादों को सुधारने और विकास के लिए नई रणनीतियाँ बनाने के लिए डेटा विश्लेषण का उपयोग करती हैं। साथ ही, बहुत से लोग निजता और सुरक्षा को लेकर चिंतित हैं।
        यहाँ एक स्पष्ट निबंध लिखने के लिए कुछ व्यावहारिक सुझाव दिए गए हैं। सबसे पहले, एक विशिष्ट विषय चुनें और भूमिका में अपना मुख्य तर्क प्रस्तुत करें। फिर हर बिंदु का समर्थन सबूतों से करें, जैसे उदाहरण या विश्वसनीय स्रोतों से लिए गए आँकड़े। अंत में, एक निष्कर्ष लिखें जो आपके विचारों का सार प्रस्तुत करे।
        जलवायु परिवर्तन आज दुनिया के सामने सबसे गंभीर चुनौतियों में से एक है। बढ़ता तापमान खेती, पानी की आपूर्ति और सार्वजनिक स्वास्थ्य को प्रभावित करता है, ख़ासकर ग़रीब समुदायों में। सरकारों, कंपनियों और नागरिकों को मिलकर उत्सर्जन कम करना चाहिए।
        """#),
        ("mr", #"""
        आज सकाळी खूप थंडी होती, म्हणून आम्ही घरीच राहिलो आणि उन्हाळ्याच्या योजनांबद्दल बोललो. माझ्या भावाला डोंगरात फिरायला जायचे आहे, पण मला काही आठवडे समुद्रकिनारी घालवायला आवडेल. आम्ही अजून काहीही ठरवलेले नाही आणि विचार करायला अजून वेळ आहे.
        शास्त्रज्ञांनी दाखवून दिले आहे की नियमित व्यायामामुळे शारीरिक आरोग्य आणि मानसिक स्वास्थ्य दोन्ही सुधारतात. जे लोक दररोज तीस मिनिटे चालतात त्यांना हृदयविकार होण्याची शक्यता कमी असते आणि ते रात्री अधिक चांगली झोप घेतात.
        या शहराचा इतिहास एक हजार वर्षांपेक्षा जुना आहे. नदीच्या काठावर एक लहान व्यापारी ठिकाण म्हणून त्याची स्थापना झाली आणि शतकानुशतके ते या प्रदेशातील सर्वात महत्त्वाच्या व्यापारी केंद्रांपैकी एक बनले.
        जर तुम्हाला चहाचा एक चांगला कप बनवायचा असेल, तर आधी ताजे पाणी उकळा, मग ते पानांवर ओता आणि सुमारे तीन मिनिटे तसेच ठेवा. तुम्ही तुमच्या आवडीनुसार दूध किंवा साखर घालू शकता. सर्वात महत्त्वाचे म्हणजे तुम्हाला तो आवडला पाहिजे.
        म्हणूनच वारा कोणत्या दिशेने वाहणार आहे हे त्यांना माहीत असायला हवे होते, जरी ते केव्हा बदलेल हे कोणीही सांगू शकत नव्हते. आम्ही तिथे नव्हतो हेही खरे आहे.
        आधुनिक तंत्रज्ञानाने आपल्या दैनंदिन जीवनातील जवळजवळ प्रत्येक पैलू बदलला आहे. कंपन्या आपल्या ग्राहकांना अधिक चांगल्या प्रकारे समजून घेण्यासाठी, आपली उत्पादने सुधारण्यासाठी आणि वाढीसाठी नवीन धोरणे आखण्यासाठी माहितीच्या विश्लेषणाचा वापर करतात. त्याच वेळी अनेक लोकांना गोपनीयता आणि सुरक्षिततेची काळजी वाटते.
        स्पष्ट निबंध लिहिण्यासाठी येथे काही व्यावहारिक सूचना दिल्या आहेत. सर्वप्रथम एक विशिष्ट विषय निवडा आणि प्रस्तावनेत आपला मुख्य मुद्दा मांडा. त्यानंतर प्रत्येक मुद्द्याला उदाहरणे किंवा विश्वसनीय स्रोतांमधील आकडेवारी यांसारख्या पुराव्यांचा आधार द्या. शेवटी, आपल्या विचारांचा सारांश देणारा निष्कर्ष लिहा.
        हवामान बदल हे आज जगासमोरील सर्वात गंभीर आव्हानांपैकी एक आहे. वाढत्या तापमानाचा परिणाम शेती, पाणीपुरवठा आणि सार्वजनिक आरोग्यावर होतो, विशेषतः गरीब समुदायांमध्ये.
        """#),
        ("ne", #"""
        आज बिहान धेरै जाडो थियो, त्यसैले हामी घरमै बस्यौं र गर्मीको योजनाबारे कुरा गर्यौं। मेरो दाइ पहाडतिर घुम्न जान चाहनुहुन्छ, तर म केही हप्ता समुद्रको किनारमा बिताउन रुचाउँछु। हामीले अझै केही निर्णय गरेका छैनौं र सोच्नका लागि अझै समय छ।
        वैज्ञानिकहरूले देखाएका छन् कि नियमित व्यायामले शारीरिक स्वास्थ्य र मानसिक शान्ति दुवैमा सुधार ल्याउँछ। जो मानिसहरू हरेक दिन तीस मिनेट हिँड्छन्, उनीहरूलाई मुटुको रोग कम लाग्छ र उनीहरू प्रायः राति राम्रोसँग सुत्छन्।
        यो सहरको इतिहास एक हजार वर्षभन्दा पुरानो छ। यो नदीको किनारमा एउटा सानो व्यापारिक केन्द्रको रूपमा स्थापना भएको थियो र शताब्दीहरूसम्म यो क्षेत्रकै सबैभन्दा महत्त्वपूर्ण व्यापारिक केन्द्रहरूमध्ये एक बन्यो।
        यदि तपाईं एक कप राम्रो चिया बनाउन चाहनुहुन्छ भने, पहिले ताजा पानी उमाल्नुहोस्, त्यसपछि त्यसलाई पातहरूमाथि खन्याउनुहोस् र करिब तीन मिनेट त्यत्तिकै राख्नुहोस्। तपाईं आफ्नो रुचिअनुसार दूध वा चिनी थप्न सक्नुहुन्छ। सबैभन्दा महत्त्वपूर्ण कुरा भनेको तपाईंलाई यो मन पर्नु हो।
        त्यसैले उनीहरूलाई हावा कुन दिशाबाट चल्छ भन्ने थाहा हुनुपर्ने थियो, यद्यपि यो कहिले बदलिन्छ भनेर कसैले पनि भन्न सक्दैनथ्यो। यो पनि साँचो हो कि हामी त्यहाँ थिएनौं।
        आधुनिक प्रविधिले हाम्रो दैनिक जीवनका लगभग सबै पक्षलाई परिवर्तन गरेको छ। कम्पनीहरूले आफ्ना ग्राहकलाई राम्ररी बुझ्न, आफ्ना उत्पादन सुधार गर्न र वृद्धिका लागि नयाँ रणनीति बनाउन तथ्याङ्क विश्लेषणको प्रयोग गर्छन्। साथै, धेरै मानिसहरू गोपनीयता र सुरक्षाबारे चिन्तित छन्।
        यहाँ स्पष्ट निबन्ध लेख्नका लागि केही व्यावहारिक सुझावहरू छन्। पहिले, एउटा निश्चित विषय छान्नुहोस् र भूमिकामा आफ्नो मुख्य तर्क प्रस्तुत गर्नुहोस्। त्यसपछि प्रत्येक बुँदालाई उदाहरण वा विश्वसनीय स्रोतका तथ्याङ्क जस्ता प्रमाणले समर्थन गर्नुहोस्। अन्त्यमा, तपाईंका विचारहरूको सारांश दिने निष्कर्ष लेख्नुहोस्।
        जलवायु परिवर्तन आज विश्वले सामना गरिरहेको सबैभन्दा गम्भीर चुनौतीमध्ये एक हो। बढ्दो तापक्रमले कृषि, पानीको आपूर्ति र जनस्वास्थ्यमा असर पार्छ, विशेष गरी गरिब समुदायहरूमा।
        """#),
    ]
}
