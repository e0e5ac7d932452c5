<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT" sourcelanguage="en">
<context>
    <name>AccessibleNames</name>
    <message>
        <source>Clear</source>
        <translation>Cancella</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>Cancella %1</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Altre azioni</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>%1: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>%1: &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No action has a keyboard shortcut.</source>
        <translation>Nessuna azione ha una scorciatoia da tastiera.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>The technician takes the job: the work order is acknowledged and is no longer escalated.</source>
        <translation>Il tecnico prende in carico il lavoro: l&apos;ordine di lavoro risulta preso in carico e l&apos;escalation si interrompe.</translation>
    </message>
    <message>
        <source>Work has started: the work order is in progress.</source>
        <translation>Il lavoro è iniziato: l&apos;ordine di lavoro è in corso.</translation>
    </message>
    <message>
        <source>The job is finished: the work order is done.</source>
        <translation>Il lavoro è terminato: l&apos;ordine di lavoro è completato.</translation>
    </message>
    <message>
        <source>The technician cannot take the job: the next technician in the escalation chain is notified, or the work order is rejected when nobody is left.</source>
        <translation>Il tecnico non può prendere in carico il lavoro: viene avvisato il tecnico successivo della catena di escalation, oppure l&apos;ordine di lavoro viene rifiutato se non resta nessuno.</translation>
    </message>
    <message>
        <source>Technicians answer a notification with one of these words as the first word of their reply (case does not matter; the rest of the line is kept as a comment).</source>
        <translation>I tecnici rispondono a una notifica con una di queste parole come prima parola della risposta (maiuscole e minuscole sono indifferenti; il resto della riga viene conservato come commento).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>(no words)</source>
        <translation>(nessuna parola)</translation>
    </message>
    <message>
        <source>Reply codes</source>
        <translation>Codici di risposta</translation>
    </message>
    <message>
        <source>Machina Console %1</source>
        <translation>Machina Console %1</translation>
    </message>
    <message>
        <source>A console for maintenance supervisors: alarm mails, work orders and the technicians&apos; replies.</source>
        <translation>Una console per i responsabili della manutenzione: e-mail di allarme, ordini di lavoro e risposte dei tecnici.</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>Realizzato con:</translation>
    </message>
    <message>
        <source>%1, under the %2 licence</source>
        <translation>%1, con licenza %2</translation>
    </message>
    <message>
        <source>About Machina Console</source>
        <translation>Informazioni su Machina Console</translation>
    </message>
</context>
<context>
    <name>ImapTask</name>
    <message>
        <source>%1 asked for more data than the command has.</source>
        <translation>%1 ha chiesto più dati di quelli contenuti nel comando.</translation>
    </message>
    <message>
        <source>%1 answered %2 with %3: %4</source>
        <translation>%1 ha risposto a %2 con %3: %4</translation>
    </message>
</context>
<context>
    <name>QLabel</name>
    <message>
        <source>Sending...</source>
        <translation>Invio in corso...</translation>
    </message>
    <message>
        <source>The draft is kept: correct the problem and press Send again.</source>
        <translation>La bozza viene conservata: correggi il problema e premi di nuovo Invia.</translation>
    </message>
</context>
<context>
    <name>SeverityDisplay</name>
    <message>
        <source>Critical</source>
        <translation>Critico</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Allarme</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avviso</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>TrackerWorkOrderService</name>
    <message>
        <source>work orders are not tracked for this account any more</source>
        <translation>gli ordini di lavoro non vengono più tracciati per questo account</translation>
    </message>
</context>
<context>
    <name>WorkOrderDisplay</name>
    <message>
        <source>Open</source>
        <translation>Aperto</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Notificato</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Preso in carico</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In corso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Completato</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rifiutato</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bassa</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critica</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creato</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Inoltrato</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Avviato</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1s</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1m</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1h %2m</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1g %2h</translation>
    </message>
</context>
<context>
    <name>machina-console</name>
    <message>
        <source>%1

The console goes on without an outbox: messages are sent directly, and one that cannot be sent now is not kept to be sent later.</source>
        <translation>%1

La console prosegue senza posta in uscita: i messaggi vengono inviati direttamente e un messaggio che non può essere inviato ora non viene conservato per un invio successivo.</translation>
    </message>
    <message>
        <source>Machina Console: local store</source>
        <translation>Machina Console: archivio locale</translation>
    </message>
    <message>
        <source>Work orders are not tracked: they need the local store.</source>
        <translation>Gli ordini di lavoro non vengono tracciati: serve l&apos;archivio locale.</translation>
    </message>
</context>
<context>
    <name>machina::ActivityLog</name>
    <message>
        <source>cannot add to the activity log</source>
        <translation>impossibile aggiungere al registro attività</translation>
    </message>
</context>
<context>
    <name>machina::AddressBookDialog</name>
    <message>
        <source>Technicians&apos; address book</source>
        <translation>Rubrica dei tecnici</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Aree</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordine</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>Tecnici</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Aggiungi</translation>
    </message>
    <message>
        <source>Add a technician (Insert, Ctrl+N)</source>
        <translation>Aggiungi un tecnico (Insert, Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>Edit the selected technician (F2)</source>
        <translation>Modifica il tecnico selezionato (F2)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Rimuovi</translation>
    </message>
    <message>
        <source>Remove the selected technician (Delete)</source>
        <translation>Rimuovi il tecnico selezionato (Delete)</translation>
    </message>
    <message>
        <source>Jane Doe</source>
        <translation>Mario Rossi</translation>
    </message>
    <message>
        <source>jane.doe@plant.example</source>
        <translation>mario.rossi@plant.example</translation>
    </message>
    <message>
        <source>P-, HX- (empty: every asset)</source>
        <translation>P-, HX- (vuoto: tutti gli impianti)</translation>
    </message>
    <message>
        <source>The asset prefixes this technician covers, separated by commas. They are suggested first for alarms on those assets.</source>
        <translation>I prefissi degli impianti di competenza di questo tecnico, separati da virgole. Il tecnico viene proposto per primo per gli allarmi su quegli impianti.</translation>
    </message>
    <message>
        <source>Escalation order</source>
        <translation>Ordine di escalation</translation>
    </message>
    <message>
        <source>The default escalation order: lower numbers are notified first.</source>
        <translation>L&apos;ordine di escalation predefinito: i numeri più bassi vengono avvisati per primi.</translation>
    </message>
    <message>
        <source>&amp;Technicians:</source>
        <translation>&amp;Tecnici:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>&amp;Indirizzo:</translation>
    </message>
    <message>
        <source>Area&amp;s:</source>
        <translation>Ar&amp;ee:</translation>
    </message>
    <message>
        <source>Escalat&amp;ion order:</source>
        <translation>&amp;Ordine di escalation:</translation>
    </message>
    <message>
        <source>enter an address</source>
        <translation>inserisci un indirizzo</translation>
    </message>
    <message>
        <source>the name must be a single line</source>
        <translation>il nome deve stare su una sola riga</translation>
    </message>
    <message>
        <source>the name holds a control character</source>
        <translation>il nome contiene un carattere di controllo</translation>
    </message>
    <message>
        <source>the address field takes the address alone, like jane.doe@plant.example</source>
        <translation>il campo indirizzo accetta solo l&apos;indirizzo, ad esempio mario.rossi@plant.example</translation>
    </message>
    <message>
        <source>the name cannot be written before the address (%1)</source>
        <translation>il nome non può essere scritto prima dell&apos;indirizzo (%1)</translation>
    </message>
    <message>
        <source>Entry %1 (%2): %3.</source>
        <translation>Voce %1 (%2): %3.</translation>
    </message>
    <message>
        <source>Entry %1: %2 is already in the book as entry %3.</source>
        <translation>Voce %1: %2 è già in rubrica come voce %3.</translation>
    </message>
</context>
<context>
    <name>machina::AppendTask</name>
    <message>
        <source>&quot;%1&quot; is not an IMAP flag; nothing was appended to %2.</source>
        <translation>&quot;%1&quot; non è un flag IMAP; non è stato aggiunto nulla a %2.</translation>
    </message>
    <message>
        <source>%1 has no mailbox %2 to append to (TRYCREATE: create it first): %3</source>
        <translation>%1 non ha una casella %2 a cui aggiungere (TRYCREATE: creala prima): %3</translation>
    </message>
    <message>
        <source>%1 refused to append to %2: %3</source>
        <translation>%1 ha rifiutato l&apos;aggiunta a %2: %3</translation>
    </message>
</context>
<context>
    <name>machina::CanaryProbe</name>
    <message>
        <source>The canary needs IMAP: this account uses the Gmail API (gmail_credentials_file), so there is no IMAP INBOX to wait for the probe in.</source>
        <translation>Il canary richiede IMAP: questo account usa la Gmail API (gmail_credentials_file), quindi non esiste una INBOX IMAP in cui attendere il messaggio di prova.</translation>
    </message>
    <message>
        <source>imap_host: not set; the canary waits for its probe over IMAP.</source>
        <translation>imap_host: non impostato; il canary attende il suo messaggio di prova via IMAP.</translation>
    </message>
    <message>
        <source>The account was closed before the canary ran.</source>
        <translation>L&apos;account è stato chiuso prima dell&apos;esecuzione del canary.</translation>
    </message>
    <message>
        <source>The account was closed before the canary was sent.</source>
        <translation>L&apos;account è stato chiuso prima dell&apos;invio del canary.</translation>
    </message>
    <message>
        <source>Machina canary %1</source>
        <translation>Canary Machina %1</translation>
    </message>
    <message>
        <source>This message checks that mail reaches this mailbox (machina-mail check --canary, or the console&apos;s periodic check). It is deleted as soon as it arrives; if you see it, it came late and you may delete it.</source>
        <translation>Questo messaggio verifica che la posta arrivi in questa casella (machina-mail check --canary, oppure il controllo periodico della console). Viene eliminato appena arriva; se lo vedi, è arrivato in ritardo e puoi eliminarlo.</translation>
    </message>
    <message>
        <source>The canary could not be sent: %1</source>
        <translation>Impossibile inviare il canary: %1</translation>
    </message>
    <message>
        <source>The canary could not be looked for: %1</source>
        <translation>Impossibile cercare il canary: %1</translation>
    </message>
    <message>
        <source>The canary arrived (%1 ms) but could not be removed from INBOX: %2</source>
        <translation>Il canary è arrivato (%1 ms) ma non è stato possibile rimuoverlo da INBOX: %2</translation>
    </message>
    <message>
        <source>The canary sent to %1 did not arrive in INBOX within %2 s.</source>
        <translation>Il canary inviato a %1 non è arrivato in INBOX entro %2 s.</translation>
    </message>
</context>
<context>
    <name>machina::ChangedSinceTask</name>
    <message>
        <source>%1 does not support CONDSTORE.</source>
        <translation>%1 non supporta CONDSTORE.</translation>
    </message>
</context>
<context>
    <name>machina::ConfigLoader</name>
    <message>
        <source>the value</source>
        <extracomment>Stands in for a secret value in an error sentence, as in &quot;the value is not a whole number&quot;.</extracomment>
        <translation>il valore</translation>
    </message>
    <message>
        <source>%1 is out of range (0-1440 minutes; 0: never)</source>
        <translation>%1 è fuori intervallo (0-1440 minuti; 0: mai)</translation>
    </message>
    <message>
        <source>%1 is not a port (1-65535)</source>
        <translation>%1 non è una porta (1-65535)</translation>
    </message>
    <message>
        <source>%1 is out of range (1-%2 seconds)</source>
        <translation>%1 è fuori intervallo (1-%2 secondi)</translation>
    </message>
    <message>
        <source>%1 is not an http(s) URL</source>
        <translation>%1 non è un URL http(s)</translation>
    </message>
    <message>
        <source>%1 uses plain http, which is allowed only for a loopback host (127.0.0.0/8, ::1, localhost); use https</source>
        <translation>%1 usa http semplice, consentito solo per un host loopback (127.0.0.0/8, ::1, localhost); usa https</translation>
    </message>
    <message>
        <source>is set, but oauth2_provider is not (microsoft, google or custom)</source>
        <translation>è impostato, ma oauth2_provider no (microsoft, google o custom)</translation>
    </message>
    <message>
        <source>%1 is not a provider we know (microsoft, google or custom)</source>
        <translation>%1 non è un provider conosciuto (microsoft, google o custom)</translation>
    </message>
    <message>
        <source>cannot be used with gmail_credentials_file (that is the Gmail API mode, which signs in by itself); keep one of the two</source>
        <translation>non può essere usato con gmail_credentials_file (quella è la modalità Gmail API, che accede da sola); tieni uno dei due</translation>
    </message>
    <message>
        <source>is missing (OAuth sign-in needs the account&apos;s address)</source>
        <translation>manca (l&apos;accesso OAuth richiede l&apos;indirizzo dell&apos;account)</translation>
    </message>
    <message>
        <source>is missing (required with oauth2_provider: %1; the id of an app registered as a desktop/mobile client)</source>
        <translation>manca (obbligatorio con oauth2_provider: %1; l&apos;id di un&apos;app registrata come client desktop/mobile)</translation>
    </message>
    <message>
        <source>is not used with oauth2_provider: microsoft (a desktop app is a public client with no secret)</source>
        <translation>non si usa con oauth2_provider: microsoft (un&apos;app desktop è un client pubblico senza secret)</translation>
    </message>
    <message>
        <source>is only for oauth2_provider: custom (%1 has its own)</source>
        <translation>vale solo per oauth2_provider: custom (%1 usa valori propri)</translation>
    </message>
    <message>
        <source>is missing (required with oauth2_provider: custom)</source>
        <translation>manca (obbligatorio con oauth2_provider: custom)</translation>
    </message>
    <message>
        <source>is not used with oauth2_provider: custom (give oauth2_authorize_url and oauth2_token_url)</source>
        <translation>non si usa con oauth2_provider: custom (indica oauth2_authorize_url e oauth2_token_url)</translation>
    </message>
    <message>
        <source>is only for oauth2_provider: microsoft</source>
        <translation>vale solo per oauth2_provider: microsoft</translation>
    </message>
    <message>
        <source>%1 is not a tenant (organizations, common, consumers, a tenant id or a domain)</source>
        <translation>%1 non è un tenant (organizations, common, consumers, un id di tenant o un dominio)</translation>
    </message>
    <message>
        <source>is missing or empty (required unless gmail_credentials_file is set)</source>
        <translation>manca o è vuoto (obbligatorio se gmail_credentials_file non è impostato)</translation>
    </message>
    <message>
        <source>a map</source>
        <extracomment>What a YAML node is, completing &quot;expected ..., found %1&quot;.</extracomment>
        <translation>una mappa</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>a single value</source>
        <translation>un singolo valore</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>niente</translation>
    </message>
    <message>
        <source>the top level must be a map holding a connectors: section, found %1</source>
        <translation>il livello principale deve essere una mappa con una sezione connectors:, trovato: %1</translation>
    </message>
    <message>
        <source>section is missing</source>
        <translation>sezione mancante</translation>
    </message>
    <message>
        <source>expected a map of connectors, found %1</source>
        <translation>attesa una mappa di connettori, trovato: %1</translation>
    </message>
    <message>
        <source>section is missing under connectors</source>
        <translation>sezione mancante sotto connectors</translation>
    </message>
    <message>
        <source>section is empty</source>
        <translation>sezione vuota</translation>
    </message>
    <message>
        <source>expected a map of settings, found %1</source>
        <translation>attesa una mappa di impostazioni, trovato: %1</translation>
    </message>
    <message>
        <source>duplicate key (first given on line %1)</source>
        <translation>chiave duplicata (già indicata alla riga %1)</translation>
    </message>
    <message>
        <source>(key)</source>
        <extracomment>Stands in for the name of a key that is not a plain name, in &quot;file:line: (key): ...&quot;.</extracomment>
        <translation>(chiave)</translation>
    </message>
    <message>
        <source>a key must be a plain name, found %1</source>
        <translation>una chiave deve essere un nome semplice, trovato: %1</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>chiave sconosciuta</translation>
    </message>
    <message>
        <source>unknown key; did you mean %1?</source>
        <translation>chiave sconosciuta; intendevi %1?</translation>
    </message>
    <message>
        <source>expected a single value, found %1</source>
        <translation>atteso un singolo valore, trovato: %1</translation>
    </message>
    <message>
        <source>has no value (expected a whole number)</source>
        <translation>non ha valore (atteso un numero intero)</translation>
    </message>
    <message>
        <source>has no value (expected true or false)</source>
        <translation>non ha valore (atteso true o false)</translation>
    </message>
    <message>
        <source>has no value (expected email)</source>
        <translation>non ha valore (atteso email)</translation>
    </message>
    <message>
        <source>%1 is not supported here; this section must be type: email</source>
        <translation>%1 non è supportato qui; questa sezione deve essere type: email</translation>
    </message>
    <message>
        <source>%1 is not true or false</source>
        <translation>%1 non è né true né false</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 non è un numero intero</translation>
    </message>
    <message>
        <source>malformed ${...} reference (expected ${NAME} with NAME made of letters, digits and _)</source>
        <translation>riferimento ${...} non valido (atteso ${NAME} con NAME composto da lettere, cifre e _)</translation>
    </message>
    <message>
        <source>environment variable %1 is not set</source>
        <translation>la variabile d&apos;ambiente %1 non è impostata</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>impossibile leggere il file: %1</translation>
    </message>
    <message>
        <source>syntax error</source>
        <translation>errore di sintassi</translation>
    </message>
    <message>
        <source>expected a map of settings</source>
        <translation>attesa una mappa di impostazioni</translation>
    </message>
    <message>
        <source>unknown key (known: id_pattern, folder, ack_within, alarm_rules, reply_codes, technicians)</source>
        <translation>chiave sconosciuta (chiavi note: id_pattern, folder, ack_within, alarm_rules, reply_codes, technicians)</translation>
    </message>
    <message>
        <source>needs a folder name of its own (not INBOX, no * or %)</source>
        <translation>richiede un nome di cartella proprio (non INBOX, senza * o %)</translation>
    </message>
    <message>
        <source>expected a map of priority: duration, as {critical: 5m, high: 15m}</source>
        <translation>attesa una mappa priorità: durata, come {critical: 5m, high: 15m}</translation>
    </message>
    <message>
        <source>is not a priority (low, normal, high, critical)</source>
        <translation>non è una priorità (low, normal, high, critical)</translation>
    </message>
    <message>
        <source>expected a list of rules</source>
        <translation>attesa una lista di regole</translation>
    </message>
    <message>
        <source>each rule is a map with name, subject and severities</source>
        <translation>ogni regola è una mappa con name, subject e severities</translation>
    </message>
    <message>
        <source>severities must map each severity word to a priority</source>
        <translation>severities deve associare ogni parola di gravità a una priorità</translation>
    </message>
    <message>
        <source>%1 is not a priority (low, normal, high, critical)</source>
        <translation>%1 non è una priorità (low, normal, high, critical)</translation>
    </message>
    <message>
        <source>expected a map such as {acknowledged: [ACK, ACCEPT]}</source>
        <translation>attesa una mappa come {acknowledged: [ACK, ACCEPT]}</translation>
    </message>
    <message>
        <source>is not one of acknowledged, in_progress, done, rejected</source>
        <translation>non è uno tra acknowledged, in_progress, done, rejected</translation>
    </message>
    <message>
        <source>expected a list of words</source>
        <translation>attesa una lista di parole</translation>
    </message>
    <message>
        <source>each code is one word</source>
        <translation>ogni codice è una sola parola</translation>
    </message>
    <message>
        <source>expected a list of {name, address, areas, order}</source>
        <translation>attesa una lista di {name, address, areas, order}</translation>
    </message>
    <message>
        <source>each technician is a map with name and address</source>
        <translation>ogni tecnico è una mappa con name e address</translation>
    </message>
    <message>
        <source>technician %1 needs an address</source>
        <translation>il tecnico %1 richiede un indirizzo</translation>
    </message>
</context>
<context>
    <name>machina::ConnectionTester</name>
    <message>
        <source>%1; certificate for %2 from %3, valid until %4</source>
        <translation>%1; certificato per %2 emesso da %3, valido fino al %4</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(nessun nome)</translation>
    </message>
    <message>
        <source>(no issuer name)</source>
        <translation>(nessun nome dell&apos;emittente)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>OAuth token</source>
        <translation>Token OAuth</translation>
    </message>
    <message>
        <source>refreshed at %1; valid until %2</source>
        <translation>aggiornato: %1; scadenza: %2</translation>
    </message>
    <message>
        <source>stored sign-in of %1; valid until %2</source>
        <translation>accesso memorizzato di %1; scadenza: %2</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>none typed and none in the keychain for %1</source>
        <translation>nessuna digitata e nessuna nel portachiavi di sistema per %1</translation>
    </message>
    <message>
        <source>from the system keychain</source>
        <translation>dal portachiavi di sistema</translation>
    </message>
    <message>
        <source>name lookup</source>
        <translation>risoluzione del nome</translation>
    </message>
    <message>
        <source>no address for %1: %2</source>
        <translation>nessun indirizzo per %1: %2</translation>
    </message>
    <message>
        <source>the name has none</source>
        <translation>il nome non ha indirizzi</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 è %2</translation>
    </message>
    <message>
        <source>TLS and certificate</source>
        <translation>TLS e certificato</translation>
    </message>
    <message>
        <source>TCP connect</source>
        <translation>Connessione TCP</translation>
    </message>
    <message>
        <source>capabilities</source>
        <translation>funzionalità</translation>
    </message>
    <message>
        <source>authentication</source>
        <translation>autenticazione</translation>
    </message>
    <message>
        <source>INBOX selection</source>
        <translation>selezione di INBOX</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>connesso a %1</translation>
    </message>
    <message>
        <source>no sign-in needed (PREAUTH)</source>
        <translation>accesso non necessario (PREAUTH)</translation>
    </message>
    <message>
        <source>signed in as %1 with %2</source>
        <translation>accesso eseguito come %1 con %2</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in %1</source>
        <translation>
            <numerusform>%n messaggio in %1</numerusform>
            <numerusform>%n messaggi in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>IDLE support</source>
        <translation>Supporto IDLE</translation>
    </message>
    <message>
        <source>offered: new mail shows within seconds</source>
        <translation>offerto: la nuova posta compare in pochi secondi</translation>
    </message>
    <message numerus="yes">
        <source>not offered: new mail is found by polling every %n second(s)</source>
        <translation>
            <numerusform>non offerto: la nuova posta viene rilevata controllando ogni %n secondo</numerusform>
            <numerusform>non offerto: la nuova posta viene rilevata controllando ogni %n secondi</numerusform>
        </translation>
    </message>
    <message>
        <source>no username: mail is sent without signing in</source>
        <translation>nessun nome utente: la posta viene inviata senza accedere</translation>
    </message>
    <message>
        <source>Send to %1</source>
        <translation>Invio a %1</translation>
    </message>
    <message>
        <source>This message was sent by the connection test of Machina Console&apos;s settings. It can be deleted.</source>
        <translation>Questo messaggio è stato inviato dal test di connessione delle impostazioni di Machina Console. Può essere eliminato.</translation>
    </message>
    <message>
        <source>accepted as &lt;%1&gt;; it should reach the inbox shortly</source>
        <translation>accettato come &lt;%1&gt;; dovrebbe arrivare a breve nella posta in arrivo</translation>
    </message>
    <message>
        <source>Google client file</source>
        <translation>File client Google</translation>
    </message>
    <message>
        <source>Desktop client in %1</source>
        <translation>Client desktop in %1</translation>
    </message>
    <message>
        <source>Google sign-in and Gmail API</source>
        <translation>Accesso Google e Gmail API</translation>
    </message>
    <message>
        <source>signed in as %1</source>
        <translation>accesso eseguito come %1</translation>
    </message>
    <message>
        <source>accepted as &lt;%1&gt;</source>
        <translation>accettato come &lt;%1&gt;</translation>
    </message>
</context>
<context>
    <name>machina::ConnectorReply</name>
    <message>
        <source>The operation was aborted.</source>
        <translation>L&apos;operazione è stata interrotta.</translation>
    </message>
</context>
<context>
    <name>machina::CredentialStore</name>
    <message>
        <source>Machina Console never stores passwords in files.</source>
        <translation>Machina Console non memorizza mai le password nei file.</translation>
    </message>
    <message>
        <source>No keychain available: no Secret Service on the D-Bus session bus. Start a keyring (GNOME Keyring or KWallet) in your desktop session; </source>
        <extracomment>Followed by the sentence &quot;Machina Console never stores passwords in files.&quot;</extracomment>
        <translation>Nessun portachiavi di sistema disponibile: nessun Secret Service sul bus di sessione D-Bus. Avvia un portachiavi (GNOME Keyring o KWallet) nella sessione desktop; </translation>
    </message>
    <message>
        <source>The keychain is locked and could not be unlocked: unlock your login keyring (log in to the desktop session, or unlock it in your keyring manager) and try again.</source>
        <translation>Il portachiavi di sistema è bloccato e non è stato possibile sbloccarlo: sblocca il portachiavi di login (accedi alla sessione desktop o sbloccalo nel gestore dei portachiavi) e riprova.</translation>
    </message>
    <message>
        <source>The keychain refused access to the Machina Console secrets (%1): unlock it (log in to the desktop session or unlock your login keyring) and try again.</source>
        <translation>Il portachiavi di sistema ha negato l&apos;accesso ai segreti di Machina Console (%1): sbloccalo (accedi alla sessione desktop o sblocca il portachiavi di login) e riprova.</translation>
    </message>
    <message>
        <source>No keychain available: the D-Bus session bus cannot be reached, so neither can the Secret Service (%1). Run Machina Console in a desktop session with a keyring (GNOME Keyring or KWallet); </source>
        <extracomment>Followed by the sentence &quot;Machina Console never stores passwords in files.&quot;</extracomment>
        <translation>Nessun portachiavi di sistema disponibile: il bus di sessione D-Bus non è raggiungibile, e quindi nemmeno il Secret Service (%1). Esegui Machina Console in una sessione desktop con un portachiavi (GNOME Keyring o KWallet); </translation>
    </message>
    <message>
        <source>The keychain has no default keyring to store secrets in and could not create one (%1): create or unlock a login keyring in your desktop session (for example with Passwords and Keys) and try again; </source>
        <extracomment>Followed by the sentence &quot;Machina Console never stores passwords in files.&quot;</extracomment>
        <translation>Il portachiavi di sistema non ha un portachiavi predefinito in cui memorizzare i segreti e non è stato possibile crearne uno (%1): crea o sblocca un portachiavi di login nella sessione desktop (ad esempio con Password e chiavi) e riprova; </translation>
    </message>
    <message>
        <source>The keychain failed (%1). Check that a keyring (GNOME Keyring or KWallet) is running and unlocked in your desktop session.</source>
        <translation>Errore del portachiavi di sistema (%1). Verifica che un portachiavi (GNOME Keyring o KWallet) sia in esecuzione e sbloccato nella sessione desktop.</translation>
    </message>
</context>
<context>
    <name>machina::EmailConnector</name>
    <message>
        <source>No local store is open: the message cannot be queued.</source>
        <translation>Nessun archivio locale aperto: il messaggio non può essere messo in coda.</translation>
    </message>
    <message>
        <source>No local store is open: there is no outbox to flush.</source>
        <translation>Nessun archivio locale aperto: non c&apos;è posta in uscita da svuotare.</translation>
    </message>
    <message>
        <source>gmail_credentials_file: not set; Google sign-in needs the client file.</source>
        <translation>gmail_credentials_file: non impostato; l&apos;accesso Google richiede il file client.</translation>
    </message>
    <message>
        <source>Already listening.</source>
        <translation>Già in ascolto.</translation>
    </message>
    <message>
        <source>Listening was stopped before it began.</source>
        <translation>L&apos;ascolto è stato interrotto prima di iniziare.</translation>
    </message>
    <message>
        <source>No local store is open: there is no inbox cache to list.</source>
        <translation>Nessun archivio locale aperto: non c&apos;è una cache della posta in arrivo da elencare.</translation>
    </message>
    <message>
        <source>%1 is not a message id of this account.</source>
        <translation>%1 non è un ID messaggio di questo account.</translation>
    </message>
</context>
<context>
    <name>machina::ExpungeTask</name>
    <message>
        <source>%1 does not support UIDPLUS (RFC 4315): without UID EXPUNGE only a plain EXPUNGE could remove the messages, and it would remove every \Deleted message in the mailbox; nothing was expunged.</source>
        <translation>%1 non supporta UIDPLUS (RFC 4315): senza UID EXPUNGE i messaggi potrebbero essere rimossi solo con un semplice EXPUNGE, che rimuoverebbe tutti i messaggi \Deleted della casella; non è stato eliminato nulla.</translation>
    </message>
</context>
<context>
    <name>machina::FetchTask</name>
    <message>
        <source>&quot;%1&quot; is not a header field name; nothing was fetched.</source>
        <translation>&quot;%1&quot; non è il nome di un campo di intestazione; non è stato recuperato nulla.</translation>
    </message>
</context>
<context>
    <name>machina::GmailBackend</name>
    <message>
        <source>the Gmail API at %1</source>
        <translation>la Gmail API su %1</translation>
    </message>
    <message>
        <source>gmail_api_url: %1 must be https (plain http only on loopback)</source>
        <translation>gmail_api_url: %1 deve essere https (http semplice solo su loopback)</translation>
    </message>
    <message>
        <source>%1; retrying in %2 s</source>
        <translation>%1; nuovo tentativo tra %2 s</translation>
    </message>
    <message>
        <source>Gmail returned no message.</source>
        <translation>Gmail non ha restituito alcun messaggio.</translation>
    </message>
    <message numerus="yes">
        <source>polling Gmail every %n second(s)</source>
        <translation>
            <numerusform>controllo di Gmail ogni %n secondo</numerusform>
            <numerusform>controllo di Gmail ogni %n secondi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>machina::GmailClient</name>
    <message>
        <source>Gmail answered %1 with something that is not the JSON the API sends (%2 bytes of %3).</source>
        <translation>Gmail ha risposto a %1 con qualcosa che non è il JSON inviato dall&apos;API (%2 byte di %3).</translation>
    </message>
    <message>
        <source>Gmail rate limit (%1)</source>
        <translation>Limite di frequenza Gmail (%1)</translation>
    </message>
    <message>
        <source>Gmail server error (%1)</source>
        <translation>Errore del server Gmail (%1)</translation>
    </message>
    <message>
        <source>Cannot reach the Gmail API at %1: %2</source>
        <translation>Impossibile raggiungere la Gmail API su %1: %2</translation>
    </message>
    <message>
        <source>Gmail answered %1: %2</source>
        <translation>Gmail ha risposto a %1: %2</translation>
    </message>
</context>
<context>
    <name>machina::GoogleClientSecrets</name>
    <message>
        <source>create a Desktop app client in the Google Cloud console (APIs &amp; Services &gt; Credentials &gt; Create credentials &gt; OAuth client ID &gt; Desktop app) and download its JSON</source>
        <translation>crea un client Desktop app nella Google Cloud console (APIs &amp; Services &gt; Credentials &gt; Create credentials &gt; OAuth client ID &gt; Desktop app) e scaricane il JSON</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booleano</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un numero</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>una stringa</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>un array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un oggetto</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>niente</translation>
    </message>
    <message>
        <source>missing</source>
        <extracomment>After a JSON key, as in &quot;installed.client_id: missing&quot;.</extracomment>
        <translation>mancante</translation>
    </message>
    <message>
        <source>must be a string, found %1</source>
        <translation>deve essere una stringa, trovato: %1</translation>
    </message>
    <message>
        <source>empty</source>
        <extracomment>After a JSON key, as in &quot;installed.client_id: empty&quot;.</extracomment>
        <translation>vuoto</translation>
    </message>
    <message>
        <source>(unparsable)</source>
        <translation>(non analizzabile)</translation>
    </message>
    <message>
        <source>not an absolute URL: %1</source>
        <translation>non è un URL assoluto: %1</translation>
    </message>
    <message>
        <source>must be an https URL (plain http only for 127.0.0.1, ::1 or localhost), found %1</source>
        <translation>deve essere un URL https (http semplice solo per 127.0.0.1, ::1 o localhost), trovato: %1</translation>
    </message>
    <message>
        <source>no such file; %1 (gmail_credentials_file names where you saved it)</source>
        <translation>file inesistente; %1 (gmail_credentials_file indica dove l&apos;hai salvato)</translation>
    </message>
    <message>
        <source>is a directory, not a client secrets file</source>
        <translation>è una directory, non un file di client secret</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>impossibile leggere: %1</translation>
    </message>
    <message>
        <source>%1 bytes is far too large for an OAuth client file</source>
        <translation>%1 byte sono decisamente troppi per un file client OAuth</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>JSON non valido all&apos;offset %1: %2</translation>
    </message>
    <message>
        <source>expected a JSON object {&quot;installed&quot;: {...}}, found %1</source>
        <translation>atteso un oggetto JSON {&quot;installed&quot;: {...}}, trovato: %1</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>qualcos&apos;altro</translation>
    </message>
    <message>
        <source>this is a Web application client; %1</source>
        <translation>questo è un client di tipo Applicazione web; %1</translation>
    </message>
    <message>
        <source>this is a service account key, not an OAuth client; %1</source>
        <translation>questa è una chiave di account di servizio, non un client OAuth; %1</translation>
    </message>
    <message>
        <source>no &quot;installed&quot; client in this file (expected Google&apos;s Desktop app client file, {&quot;installed&quot;: {&quot;client_id&quot;: ...}}); %1</source>
        <translation>nessun client &quot;installed&quot; in questo file (atteso il file client Desktop app di Google, {&quot;installed&quot;: {&quot;client_id&quot;: ...}}); %1</translation>
    </message>
    <message>
        <source>must be an object, found %1</source>
        <translation>deve essere un oggetto, trovato: %1</translation>
    </message>
</context>
<context>
    <name>machina::HealthTracker</name>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>%1, but the last attempt failed: %2</source>
        <translation>%1, ma l&apos;ultimo tentativo non è riuscito: %2</translation>
    </message>
    <message>
        <source>The certificate of %1 expired on %2.</source>
        <translation>Il certificato di %1 è scaduto il %2.</translation>
    </message>
    <message>
        <source>The certificate of %1 expires on %2.</source>
        <translation>Il certificato di %1 scade il %2.</translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation>Non connesso a %1.</translation>
    </message>
    <message>
        <source>Cannot reach</source>
        <translation>Impossibile raggiungere</translation>
    </message>
    <message>
        <source>Cannot send</source>
        <translation>Impossibile inviare</translation>
    </message>
    <message>
        <source>Cannot receive</source>
        <translation>Impossibile ricevere</translation>
    </message>
    <message>
        <source>Connected to %1; receiving from %2.</source>
        <translation>Connesso a %1; ricezione da %2.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connesso a %1.</translation>
    </message>
    <message>
        <source>The sign-in token could not be refreshed: %1</source>
        <translation>Impossibile aggiornare il token di accesso: %1</translation>
    </message>
</context>
<context>
    <name>machina::IdleTask</name>
    <message>
        <source>%1 does not support IDLE.</source>
        <translation>%1 non supporta IDLE.</translation>
    </message>
</context>
<context>
    <name>machina::ImapClient</name>
    <message>
        <source>The IMAP session was closed.</source>
        <translation>La sessione IMAP è stata chiusa.</translation>
    </message>
    <message>
        <source>The IMAP session was closed before this ran.</source>
        <translation>La sessione IMAP è stata chiusa prima di questa operazione.</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation>il messaggio di benvenuto</translation>
    </message>
    <message>
        <source>%1 sent a response we cannot read (%2 at byte %3).</source>
        <translation>%1 ha inviato una risposta illeggibile (%2 al byte %3).</translation>
    </message>
    <message>
        <source>%1 closed the session: %2</source>
        <translation>%1 ha chiuso la sessione: %2</translation>
    </message>
    <message>
        <source>The connection to %1 was closed by the server.</source>
        <translation>La connessione a %1 è stata chiusa dal server.</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS; refusing to send credentials unencrypted (use_tls: false means STARTTLS, never plain text).</source>
        <translation>%1 non offre STARTTLS; le credenziali non vengono inviate senza cifratura (use_tls: false significa STARTTLS, mai testo in chiaro).</translation>
    </message>
    <message>
        <source>%1: the session is out of step while opening.</source>
        <translation>%1: la sessione non è sincronizzata durante l&apos;apertura.</translation>
    </message>
    <message>
        <source>No access token to sign in to %1 with.</source>
        <translation>Nessun token di accesso con cui accedere a %1.</translation>
    </message>
    <message>
        <source>%1 sent a continuation nobody asked for.</source>
        <translation>%1 ha inviato una continuazione non richiesta.</translation>
    </message>
    <message>
        <source>%1 asked for more data than the command has.</source>
        <translation>%1 ha chiesto più dati di quelli contenuti nel comando.</translation>
    </message>
    <message>
        <source>%1 answered a command we did not send (tag %2).</source>
        <translation>%1 ha risposto a un comando che non abbiamo inviato (tag %2).</translation>
    </message>
    <message>
        <source>%1 did not greet as an IMAP server does.</source>
        <translation>%1 non ha inviato il benvenuto come fa un server IMAP.</translation>
    </message>
    <message>
        <source>%1 pre-authenticated the session in clear, so STARTTLS is impossible; refusing to read mail unencrypted.</source>
        <translation>%1 ha pre-autenticato la sessione in chiaro, quindi STARTTLS è impossibile; la posta non viene letta senza cifratura.</translation>
    </message>
    <message>
        <source>%1 refused the session: %2</source>
        <translation>%1 ha rifiutato la sessione: %2</translation>
    </message>
    <message>
        <source>%1 sent an unexpected greeting: %2</source>
        <translation>%1 ha inviato un messaggio di benvenuto inatteso: %2</translation>
    </message>
</context>
<context>
    <name>machina::ImapListing</name>
    <message>
        <source>The INBOX was renumbered (UIDVALIDITY %1, was %2) during the listing; list it again.</source>
        <translation>La INBOX è stata rinumerata (UIDVALIDITY %1, prima %2) durante l&apos;elenco; elencala di nuovo.</translation>
    </message>
</context>
<context>
    <name>machina::ImapSmtpBackend</name>
    <message>
        <source>SMTP %1</source>
        <translation>SMTP %1</translation>
    </message>
    <message>
        <source>IMAP %1</source>
        <translation>IMAP %1</translation>
    </message>
    <message>
        <source>The account was closed before this ran.</source>
        <translation>L&apos;account è stato chiuso prima di questa operazione.</translation>
    </message>
    <message>
        <source>password: none in the config and none in the keychain for %1. Write password: ${EMAIL_PASSWORD} in the config, or store it in the keychain with: machina-mail store-password</source>
        <translation>password: nessuna nella configurazione e nessuna nel portachiavi di sistema per %1. Scrivi password: ${EMAIL_PASSWORD} nella configurazione, oppure memorizzala nel portachiavi con: machina-mail store-password</translation>
    </message>
    <message>
        <source>imap_host: not set; receiving mail needs an IMAP server.</source>
        <translation>imap_host: non impostato; per ricevere la posta serve un server IMAP.</translation>
    </message>
    <message>
        <source>oauth2_provider: the sign-in is not ready yet.</source>
        <translation>oauth2_provider: l&apos;accesso non è ancora pronto.</translation>
    </message>
    <message>
        <source>password: no password for %1 (write password: ${EMAIL_PASSWORD} in the config and set that variable).</source>
        <translation>password: nessuna password per %1 (scrivi password: ${EMAIL_PASSWORD} nella configurazione e imposta quella variabile).</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Connessione a %1 in corso</translation>
    </message>
    <message>
        <source>Securing the connection to %1</source>
        <translation>Protezione della connessione a %1</translation>
    </message>
    <message>
        <source>Signing in as %1</source>
        <translation>Accesso come %1 in corso</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connesso a %1</translation>
    </message>
    <message>
        <source>The message %1 is no longer in the mailbox; refresh the list.</source>
        <translation>Il messaggio %1 non è più nella casella; aggiorna l&apos;elenco.</translation>
    </message>
    <message>
        <source>The mailbox changed (UIDVALIDITY); refresh the list.</source>
        <translation>La casella è cambiata (UIDVALIDITY); aggiorna l&apos;elenco.</translation>
    </message>
    <message>
        <source>cannot watch the inbox: %1</source>
        <translation>impossibile controllare la posta in arrivo: %1</translation>
    </message>
</context>
<context>
    <name>machina::InboxModel</name>
    <message>
        <source>1 attachment</source>
        <translation>1 allegato</translation>
    </message>
    <message>
        <source>%1 attachments</source>
        <translation>%1 allegati</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Nessuna data</translation>
    </message>
    <message>
        <source>No alarm</source>
        <translation>Nessun allarme</translation>
    </message>
    <message>
        <source>%1 (&quot;%2&quot; in the subject)</source>
        <translation>%1 (&quot;%2&quot; nell&apos;oggetto)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Mittente</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Ordine di lavoro</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravità</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Impianto</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Allegati</translation>
    </message>
</context>
<context>
    <name>machina::InboxMonitor</name>
    <message>
        <source>new mail shows at once (IDLE)</source>
        <translation>la nuova posta compare subito (IDLE)</translation>
    </message>
    <message numerus="yes">
        <source>polling every %n second(s) (the server has no IDLE)</source>
        <translation>
            <numerusform>controllo ogni %n secondo (il server non supporta IDLE)</numerusform>
            <numerusform>controllo ogni %n secondi (il server non supporta IDLE)</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot watch the inbox: %1; not retrying until the settings change</source>
        <translation>impossibile controllare la posta in arrivo: %1; nessun nuovo tentativo finché le impostazioni non cambiano</translation>
    </message>
    <message>
        <source>cannot watch the inbox: %1; retrying in %2 s</source>
        <translation>impossibile controllare la posta in arrivo: %1; nuovo tentativo tra %2 s</translation>
    </message>
</context>
<context>
    <name>machina::Listener</name>
    <message>
        <source>waiting for mail (IDLE)</source>
        <translation>in attesa di posta (IDLE)</translation>
    </message>
    <message>
        <source>waiting for mail (polling)</source>
        <translation>in attesa di posta (polling)</translation>
    </message>
    <message>
        <source>cannot receive: %1; retrying in %2 s</source>
        <translation>impossibile ricevere: %1; nuovo tentativo tra %2 s</translation>
    </message>
    <message>
        <source>reconnected</source>
        <translation>riconnesso</translation>
    </message>
    <message>
        <source>(the reply &lt;%1&gt;, from the outbox)</source>
        <translation>(la risposta &lt;%1&gt;, dalla posta in uscita)</translation>
    </message>
    <message>
        <source>the reply to %1 waits in the outbox</source>
        <translation>la risposta a %1 è in attesa nella posta in uscita</translation>
    </message>
    <message>
        <source>the reply could not be queued: %1</source>
        <translation>impossibile mettere in coda la risposta: %1</translation>
    </message>
    <message>
        <source>the reply could not be sent: %1</source>
        <translation>impossibile inviare la risposta: %1</translation>
    </message>
    <message>
        <source>the reply to %1 could not be sent (%2); it waits in the outbox</source>
        <translation>impossibile inviare la risposta a %1 (%2); è in attesa nella posta in uscita</translation>
    </message>
    <message>
        <source>the reply waits in the outbox: %1</source>
        <translation>la risposta è in attesa nella posta in uscita: %1</translation>
    </message>
    <message>
        <source>the reply to %1 could not be sent (%2); it is sent again at the next round</source>
        <translation>impossibile inviare la risposta a %1 (%2); verrà inviata di nuovo al prossimo ciclo</translation>
    </message>
</context>
<context>
    <name>machina::LocalStore</name>
    <message>
        <source>The local store %1: %2: %3</source>
        <translation>Archivio locale %1: %2: %3</translation>
    </message>
    <message>
        <source>The local store %1: cannot create its folder %2.</source>
        <translation>Archivio locale %1: impossibile creare la cartella %2.</translation>
    </message>
    <message>
        <source>cannot open it</source>
        <translation>impossibile aprirlo</translation>
    </message>
    <message>
        <source>cannot read it</source>
        <translation>impossibile leggerlo</translation>
    </message>
    <message>
        <source>The local store %1 is damaged: %2.</source>
        <translation>L&apos;archivio locale %1 è danneggiato: %2.</translation>
    </message>
    <message>
        <source>The local store %1: %2.</source>
        <translation>Archivio locale %1: %2.</translation>
    </message>
    <message>
        <source>%1 It could not be moved aside, so it was left as it is; move it away by hand.</source>
        <translation>%1 Non è stato possibile spostarlo altrove, quindi è stato lasciato com&apos;è; spostalo manualmente.</translation>
    </message>
    <message>
        <source>Its outbox could not be read: any messages still queued in it are lost.</source>
        <translation>Non è stato possibile leggere la sua posta in uscita: i messaggi ancora in coda sono andati persi.</translation>
    </message>
    <message>
        <source>Nothing was waiting in its outbox.</source>
        <translation>Nella sua posta in uscita non c&apos;era nulla in attesa.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting in its outbox were carried over.</source>
        <translation>
            <numerusform>%n messaggio in attesa nella sua posta in uscita è stato trasferito.</numerusform>
            <numerusform>%n messaggi in attesa nella sua posta in uscita sono stati trasferiti.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 It was moved aside to %2 and a fresh store was started. %3</source>
        <translation>%1 È stato spostato in %2 ed è stato avviato un nuovo archivio. %3</translation>
    </message>
</context>
<context>
    <name>machina::LoginTask</name>
    <message>
        <source>%1 offers neither AUTHENTICATE OAUTHBEARER nor XOAUTH2, needed for OAuth sign-in.</source>
        <translation>%1 non offre né AUTHENTICATE OAUTHBEARER né XOAUTH2, necessari per l&apos;accesso OAuth.</translation>
    </message>
    <message>
        <source>%1 allows neither LOGIN nor AUTHENTICATE PLAIN.</source>
        <translation>%1 non consente né LOGIN né AUTHENTICATE PLAIN.</translation>
    </message>
    <message>
        <source>%1 refused the credentials of %2: %3</source>
        <translation>%1 ha rifiutato le credenziali di %2: %3</translation>
    </message>
</context>
<context>
    <name>machina::MailBackend</name>
    <message>
        <source>This account keeps no Sent copies of its own.</source>
        <translation>Questo account non conserva proprie copie in Posta inviata.</translation>
    </message>
    <message>
        <source>This account signs in with a password: set oauth2_provider (IMAP and SMTP) or gmail_credentials_file (the Gmail API) to sign in with OAuth.</source>
        <translation>Questo account accede con una password: imposta oauth2_provider (IMAP e SMTP) o gmail_credentials_file (la Gmail API) per accedere con OAuth.</translation>
    </message>
    <message>
        <source>This needs an IMAP account (imap_host); the Gmail API mode has no IMAP folders.</source>
        <translation>Serve un account IMAP (imap_host); la modalità Gmail API non ha cartelle IMAP.</translation>
    </message>
</context>
<context>
    <name>machina::MailOAuth</name>
    <message>
        <source>the identity provider</source>
        <translation>il provider di identità</translation>
    </message>
    <message>
        <source>oauth2_provider: not set</source>
        <translation>oauth2_provider: non impostato</translation>
    </message>
    <message>
        <source>check oauth2_client_id (an app registered as a desktop/mobile client)</source>
        <translation>controlla oauth2_client_id (un&apos;app registrata come client desktop/mobile)</translation>
    </message>
</context>
<context>
    <name>machina::MainWindow</name>
    <message>
        <source>Machina Console</source>
        <translation>Machina Console</translation>
    </message>
    <message>
        <source>Filter by sender, subject or work order (Ctrl+F)</source>
        <translation>Filtra per mittente, oggetto o ordine di lavoro (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter the inbox</source>
        <translation>Filtra la posta in arrivo</translation>
    </message>
    <message>
        <source>All mail</source>
        <translation>Tutta la posta</translation>
    </message>
    <message>
        <source>Alarms of any severity</source>
        <translation>Allarmi di qualsiasi gravità</translation>
    </message>
    <message>
        <source>Warning or worse</source>
        <translation>Avviso o superiore</translation>
    </message>
    <message>
        <source>Alarm or worse</source>
        <translation>Allarme o superiore</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Solo critici</translation>
    </message>
    <message>
        <source>Minimum severity shown</source>
        <translation>Gravità minima mostrata</translation>
    </message>
    <message>
        <source>Show only alarm mails of this severity or worse (Alt+E)</source>
        <translation>Mostra solo le e-mail di allarme con questa gravità o superiore (Alt+E)</translation>
    </message>
    <message>
        <source>P-201 or P-</source>
        <translation>P-201 o P-</translation>
    </message>
    <message>
        <source>Asset shown</source>
        <translation>Impianto mostrato</translation>
    </message>
    <message>
        <source>Show only alarms on assets that start with this (Alt+S)</source>
        <translation>Mostra solo gli allarmi sugli impianti la cui sigla inizia così (Alt+S)</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posta in arrivo</translation>
    </message>
    <message>
        <source>The messages, newest first; the selected one is shown below</source>
        <translation>I messaggi, dal più recente; quello selezionato è mostrato sotto</translation>
    </message>
    <message>
        <source>S&amp;everity:</source>
        <translation>Liv&amp;ello di gravità:</translation>
    </message>
    <message>
        <source>A&amp;sset:</source>
        <translation>&amp;Sigla impianto:</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Attività</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Registro attività</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Posta in uscita</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Ordini di lavoro</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Salvato %1</translation>
    </message>
    <message>
        <source>Sent &lt;%1&gt; to %2</source>
        <translation>Inviato &lt;%1&gt; a %2</translation>
    </message>
    <message>
        <source>&lt;%1&gt; could not be sent; it stays in the outbox as failed: %2</source>
        <translation>Impossibile inviare &lt;%1&gt;; resta nella posta in uscita come non riuscito: %2</translation>
    </message>
    <message>
        <source>Inbox not watched</source>
        <translation>Posta in arrivo non controllata</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Inbox: %1</source>
        <translation>Posta in arrivo: %1</translation>
    </message>
    <message>
        <source>&amp;Notify technician...</source>
        <translation>Avvisa &amp;tecnico...</translation>
    </message>
    <message>
        <source>&amp;Reply...</source>
        <translation>&amp;Rispondi...</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ggiorna</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Segna come &amp;letto</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>Segna come &amp;non letto</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Impostazioni...</translation>
    </message>
    <message>
        <source>&amp;Technicians...</source>
        <translation>&amp;Tecnici...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Cerca</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>Posta in &amp;uscita</translation>
    </message>
    <message>
        <source>&amp;Work orders</source>
        <translation>&amp;Ordini di lavoro</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Messaggio</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>&amp;Reply codes</source>
        <translation>&amp;Codici di risposta</translation>
    </message>
    <message>
        <source>&amp;About Machina Console</source>
        <translation>&amp;Informazioni su Machina Console</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Azioni</translation>
    </message>
    <message>
        <source>Work orders are tracked for IMAP accounts. This account sends plain notifications: Notify technician (Ctrl+N) still works.</source>
        <translation>Gli ordini di lavoro vengono tracciati per gli account IMAP. Questo account invia semplici notifiche: Avvisa tecnico (Ctrl+N) funziona comunque.</translation>
    </message>
    <message>
        <source>%1 escalated to %2: nobody acknowledged in time</source>
        <translation>%1 inoltrato a %2: nessuno ha preso in carico in tempo</translation>
    </message>
    <message>
        <source>Reply from %1 to %2: %3 now</source>
        <translation>Risposta di %1 a %2: ora %3</translation>
    </message>
    <message>
        <source>Reply from %1 to %2 ignored: %3</source>
        <translation>Risposta di %1 a %2 ignorata: %3</translation>
    </message>
    <message>
        <source>Work orders: %1</source>
        <translation>Ordini di lavoro: %1</translation>
    </message>
    <message>
        <source>Open the work orders (%1)</source>
        <translation>Apri gli ordini di lavoro (%1)</translation>
    </message>
    <message>
        <source>%1 could not be cancelled: %2</source>
        <translation>Impossibile annullare %1: %2</translation>
    </message>
    <message>
        <source>%1 is cancelled.</source>
        <translation>%1 è annullato.</translation>
    </message>
    <message>
        <source>Open the outbox (%1)</source>
        <translation>Apri la posta in uscita (%1)</translation>
    </message>
    <message>
        <source>Shown from the local cache; checking the server</source>
        <translation>Visualizzato dalla cache locale; verifica sul server in corso</translation>
    </message>
    <message>
        <source>Listing the inbox</source>
        <translation>Elenco della posta in arrivo in corso</translation>
    </message>
    <message>
        <source>Checking the inbox</source>
        <translation>Controllo della posta in arrivo in corso</translation>
    </message>
    <message>
        <source>Listed %L1 of %L2</source>
        <translation>Elencati %L1 di %L2</translation>
    </message>
    <message>
        <source>Could not refresh the inbox: %1</source>
        <translation>Impossibile aggiornare la posta in arrivo: %1</translation>
    </message>
    <message>
        <source>Not refreshed</source>
        <translation>Non aggiornata</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s), the first: %1</source>
        <translation>
            <numerusform>%n nuovo messaggio: %1</numerusform>
            <numerusform>%n nuovi messaggi, il primo: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Last poll %1</source>
        <translation>Ultimo controllo %1</translation>
    </message>
    <message>
        <source>Opening the message</source>
        <translation>Apertura del messaggio in corso</translation>
    </message>
    <message>
        <source>Could not open the message: %1</source>
        <translation>Impossibile aprire il messaggio: %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not mark %n message(s): %1</source>
        <translation>
            <numerusform>Impossibile contrassegnare %n messaggio: %1</numerusform>
            <numerusform>Impossibile contrassegnare %n messaggi: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending the notification</source>
        <translation>Invio della notifica in corso</translation>
    </message>
    <message>
        <source>Notification &quot;%1&quot; not sent: %2</source>
        <translation>Notifica &quot;%1&quot; non inviata: %2</translation>
    </message>
    <message>
        <source>Notification &quot;%1&quot; is in the outbox and will be sent when the server answers. Not sent now: %2</source>
        <translation>La notifica &quot;%1&quot; è nella posta in uscita e verrà inviata quando il server risponde. Non inviata ora: %2</translation>
    </message>
    <message>
        <source>Notified %1: %2</source>
        <translation>Avvisato %1: %2</translation>
    </message>
    <message>
        <source>Creating the work order</source>
        <translation>Creazione dell&apos;ordine di lavoro in corso</translation>
    </message>
    <message>
        <source>Work order &quot;%1&quot; not created: %2</source>
        <translation>Ordine di lavoro &quot;%1&quot; non creato: %2</translation>
    </message>
    <message>
        <source>%1 for %2 is in the outbox; other consoles see it once it is sent.</source>
        <translation>%1 per %2 è nella posta in uscita; le altre console lo vedranno una volta inviato.</translation>
    </message>
    <message>
        <source>%1 Not sent now: %2</source>
        <translation>%1 Non inviato ora: %2</translation>
    </message>
    <message>
        <source>%1 sent to %2</source>
        <translation>%1 inviato a %2</translation>
    </message>
    <message>
        <source>Select a message to reply to.</source>
        <translation>Seleziona un messaggio a cui rispondere.</translation>
    </message>
    <message>
        <source>Sending the reply</source>
        <translation>Invio della risposta in corso</translation>
    </message>
    <message>
        <source>Reply &quot;%1&quot; not sent: %2</source>
        <translation>Risposta &quot;%1&quot; non inviata: %2</translation>
    </message>
    <message>
        <source>Reply &quot;%1&quot; is in the outbox and will be sent when the server answers. Not sent now: %2</source>
        <translation>La risposta &quot;%1&quot; è nella posta in uscita e verrà inviata quando il server risponde. Non inviata ora: %2</translation>
    </message>
    <message>
        <source>Replied to %1: %2</source>
        <translation>Risposta inviata a %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Address book saved: %n technician(s)</source>
        <translation>
            <numerusform>Rubrica salvata: %n tecnico</numerusform>
            <numerusform>Rubrica salvata: %n tecnici</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n non letto</numerusform>
            <numerusform>%n non letti</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is in the outbox and will be sent when the server answers.</source>
        <translation>&quot;%1&quot; è nella posta in uscita e verrà inviato quando il server risponde.</translation>
    </message>
</context>
<context>
    <name>machina::MessageCache</name>
    <message>
        <source>cannot read the inbox cache</source>
        <translation>impossibile leggere la cache della posta in arrivo</translation>
    </message>
    <message>
        <source>cannot reset the inbox cache</source>
        <translation>impossibile reimpostare la cache della posta in arrivo</translation>
    </message>
    <message>
        <source>cannot write the inbox cache</source>
        <translation>impossibile scrivere la cache della posta in arrivo</translation>
    </message>
    <message>
        <source>cannot keep the message in the inbox cache</source>
        <translation>impossibile conservare il messaggio nella cache della posta in arrivo</translation>
    </message>
</context>
<context>
    <name>machina::MessageView</name>
    <message>
        <source>From:</source>
        <translation>Da:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Data:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Oggetto:</translation>
    </message>
    <message>
        <source>&amp;Plain text</source>
        <translation>&amp;Testo semplice</translation>
    </message>
    <message>
        <source>Show the message&apos;s plain text instead of its formatted version</source>
        <translation>Mostra il testo semplice del messaggio invece della versione formattata</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Allegati</translation>
    </message>
    <message>
        <source>&amp;Save as...</source>
        <translation>&amp;Salva come...</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Allegati:</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Salva allegato</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(nessun oggetto)</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>tipo sconosciuto</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Salvato %1.</translation>
    </message>
    <message>
        <source>Could not save the attachment to %1: %2. Choose another folder.</source>
        <translation>Impossibile salvare l&apos;allegato in %1: %2. Scegli un&apos;altra cartella.</translation>
    </message>
    <message>
        <source>Could not write the attachment to %1: %2. Check the free space and try again.</source>
        <translation>Impossibile scrivere l&apos;allegato in %1: %2. Controlla lo spazio libero e riprova.</translation>
    </message>
</context>
<context>
    <name>machina::NotifyTechnicianDialog</name>
    <message>
        <source>Notify technician</source>
        <translation>Avvisa tecnico</translation>
    </message>
    <message>
        <source>Name &lt;address&gt; or address</source>
        <translation>Nome &lt;indirizzo&gt; o indirizzo</translation>
    </message>
    <message>
        <source>WO-2026-42</source>
        <translation>WO-2026-42</translation>
    </message>
    <message>
        <source>P-201</source>
        <translation>P-201</translation>
    </message>
    <message>
        <source>What is wrong, what to check, safety notes</source>
        <translation>Cosa non va, cosa controllare, note di sicurezza</translation>
    </message>
    <message>
        <source>Name &lt;address&gt;; Name &lt;address&gt;</source>
        <translation>Nome &lt;indirizzo&gt;; Nome &lt;indirizzo&gt;</translation>
    </message>
    <message>
        <source>Escalation list</source>
        <translation>Catena di escalation</translation>
    </message>
    <message>
        <source>Notified in turn, separated by &quot;;&quot;, when nobody acknowledges in time</source>
        <translation>Avvisati a turno, separati da &quot;;&quot;, quando nessuno prende in carico in tempo</translation>
    </message>
    <message>
        <source>vibration 9.2 mm/s (limit 8.4)</source>
        <translation>vibrazione 9,2 mm/s (limite 8,4)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sintesi</translation>
    </message>
    <message>
        <source>15m</source>
        <translation>15m</translation>
    </message>
    <message>
        <source>Acknowledge within</source>
        <translation>Presa in carico entro</translation>
    </message>
    <message>
        <source>How long the technician has to acknowledge before the next one is notified: 90s, 15m, 2h, 1d</source>
        <translation>Quanto tempo ha il tecnico per prendere in carico prima che venga avvisato il successivo: 90s, 15m, 2h, 1d</translation>
    </message>
    <message>
        <source>Alarm text, as the notification quotes it</source>
        <translation>Testo dell&apos;allarme, come citato nella notifica</translation>
    </message>
    <message>
        <source>The work order gets its id when it is created. A work order queued while offline becomes visible to other consoles once it is sent.</source>
        <translation>L&apos;ordine di lavoro riceve il suo ID quando viene creato. Un ordine di lavoro messo in coda offline diventa visibile alle altre console una volta inviato.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nessuno</translation>
    </message>
    <message>
        <source>Attac&amp;h PDF...</source>
        <translation>Alle&amp;ga PDF...</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Rimuo&amp;vi</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>I&amp;nvia</translation>
    </message>
    <message>
        <source>Send the notification (Return, Ctrl+Return)</source>
        <translation>Invia la notifica (Return, Ctrl+Return)</translation>
    </message>
    <message>
        <source>&amp;Technician:</source>
        <translation>&amp;Tecnico:</translation>
    </message>
    <message>
        <source>Then &amp;escalate to:</source>
        <translation>Poi &amp;inoltra a:</translation>
    </message>
    <message>
        <source>&amp;Work order:</source>
        <translation>&amp;Ordine di lavoro:</translation>
    </message>
    <message>
        <source>&amp;Asset:</source>
        <translation>Im&amp;pianto:</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>&amp;Sintesi:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>P&amp;riorità:</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge within:</source>
        <translation>Presa in &amp;carico entro:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descrizione:</translation>
    </message>
    <message>
        <source>A&amp;larm:</source>
        <translation>A&amp;llarme:</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Allegato:</translation>
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation>&amp;Anteprima:</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bassa</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergenza</translation>
    </message>
    <message>
        <source>New work order</source>
        <translation>Nuovo ordine di lavoro</translation>
    </message>
    <message>
        <source>Your words for the technician, above the quoted alarm (optional)</source>
        <translation>Il tuo messaggio per il tecnico, sopra l&apos;allarme citato (facoltativo)</translation>
    </message>
    <message>
        <source>(priority %1)</source>
        <translation>(priorità %1)</translation>
    </message>
    <message>
        <source>Hello {technician},

a maintenance job needs you.

Work order: {work_order}
Asset: {asset}
Priority: {priority}
Attachment: {attachment}

Description:
{description}

Please confirm by replying to this message.
</source>
        <translation>Ciao {technician},

c&apos;è un intervento di manutenzione per te.

Ordine di lavoro: {work_order}
Impianto: {asset}
Priorità: {priority}
Allegato: {attachment}

Descrizione:
{description}

Conferma rispondendo a questo messaggio.
</translation>
    </message>
    <message>
        <source>Only PDF files can be attached: &quot;%1&quot; is not a .pdf file.</source>
        <translation>Si possono allegare solo file PDF: &quot;%1&quot; non è un file .pdf.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PDF document: it has no %PDF- header.</source>
        <translation>&quot;%1&quot; non è un documento PDF: manca l&apos;intestazione %PDF-.</translation>
    </message>
    <message>
        <source>Attach a PDF work order</source>
        <translation>Allega un ordine di lavoro in PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf *.PDF)</source>
        <translation>Documenti PDF (*.pdf *.PDF)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>Technician: %1.</source>
        <translation>Tecnico: %1.</translation>
    </message>
    <message>
        <source>Escalation: &quot;%1&quot;: %2. Separate technicians with &quot;;&quot;.</source>
        <translation>Escalation: &quot;%1&quot;: %2. Separa i tecnici con &quot;;&quot;.</translation>
    </message>
    <message>
        <source>Escalation: %1 is in the chain twice.</source>
        <translation>Escalation: %1 compare due volte nella catena.</translation>
    </message>
    <message>
        <source>Escalation: at most %1 technicians take part in one work order (the first and %2 more).</source>
        <translation>Escalation: a un ordine di lavoro partecipano al massimo %1 tecnici (il primo e altri %2).</translation>
    </message>
    <message>
        <source>Acknowledge within: %1 (like 15m, 2h or 90s).</source>
        <translation>Presa in carico entro: %1 (ad esempio 15m, 2h o 90s).</translation>
    </message>
    <message>
        <source>Work order: &quot;%1&quot; is not a work-order id like WO-2026-42.</source>
        <translation>Ordine di lavoro: &quot;%1&quot; non è un ID di ordine di lavoro come WO-2026-42.</translation>
    </message>
    <message>
        <source>Technician: choose one from the address book or type an address.</source>
        <translation>Tecnico: scegline uno dalla rubrica o digita un indirizzo.</translation>
    </message>
    <message>
        <source>Asset: enter the asset tag, like P-201.</source>
        <translation>Impianto: inserisci la sigla dell&apos;impianto, ad esempio P-201.</translation>
    </message>
    <message>
        <source>Summary: say in a few words what is wrong.</source>
        <translation>Sintesi: descrivi in poche parole il problema.</translation>
    </message>
    <message>
        <source>Work order: enter its id, like WO-2026-42.</source>
        <translation>Ordine di lavoro: inserisci il suo ID, ad esempio WO-2026-42.</translation>
    </message>
    <message>
        <source>Description: say what the technician should do.</source>
        <translation>Descrizione: indica cosa deve fare il tecnico.</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>tecnico</translation>
    </message>
    <message>
        <source>work order</source>
        <translation>ordine di lavoro</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>impianto</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>sintesi</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descrizione</translation>
    </message>
    <message>
        <source>To send, fill in: %1.</source>
        <translation>Per inviare, compila: %1.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Create the work order and notify the technician (Return, Ctrl+Return)</source>
        <translation>Crea l&apos;ordine di lavoro e avvisa il tecnico (Return, Ctrl+Return)</translation>
    </message>
    <message>
        <source>To: %1
Subject: %2

%3</source>
        <translation>A: %1
Oggetto: %2

%3</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>Not acknowledged within %1: you are told; nobody else is notified.</source>
        <translation>Se non preso in carico entro %1: vieni avvisato tu; nessun altro viene avvisato.</translation>
    </message>
    <message>
        <source>Not acknowledged within %1: %2, in this order.</source>
        <translation>Se non preso in carico entro %1: %2, in quest&apos;ordine.</translation>
    </message>
    <message>
        <source>Work order: its id is given when it is created</source>
        <translation>Ordine di lavoro: l&apos;ID viene assegnato alla creazione</translation>
    </message>
    <message>
        <source>Asset: %1</source>
        <translation>Impianto: %1</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Priorità: %1</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>Sintesi: %1</translation>
    </message>
    <message>
        <source>Attachment: %1</source>
        <translation>Allegato: %1</translation>
    </message>
    <message>
        <source>The notification was not sent: %1</source>
        <translation>La notifica non è stata inviata: %1</translation>
    </message>
</context>
<context>
    <name>machina::OAuthSettingsPanel</name>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Microsoft 365 (OAuth)</source>
        <translation>Microsoft 365 (OAuth)</translation>
    </message>
    <message>
        <source>Google (OAuth, IMAP)</source>
        <translation>Google (OAuth, IMAP)</translation>
    </message>
    <message>
        <source>Other OAuth provider</source>
        <translation>Altro provider OAuth</translation>
    </message>
    <message>
        <source>Microsoft 365 and Google Workspace refuse passwords for IMAP and SMTP more and more; OAuth signs in through the browser once and keeps the tokens in the system keychain.</source>
        <translation>Microsoft 365 e Google Workspace rifiutano sempre più spesso le password per IMAP e SMTP; OAuth esegue l&apos;accesso una sola volta tramite il browser e conserva i token nel portachiavi di sistema.</translation>
    </message>
    <message>
        <source>the application (client) id of a desktop app registration</source>
        <translation>l&apos;ID applicazione (client) di una registrazione di app desktop</translation>
    </message>
    <message>
        <source>organizations, common, consumers, your tenant id or your domain</source>
        <translation>organizations, common, consumers, l&apos;ID del tenant o il dominio</translation>
    </message>
    <message>
        <source>optional: client_secret_….json of a Desktop app client</source>
        <translation>facoltativo: client_secret_….json di un client app desktop</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Browse for the OAuth client file</source>
        <translation>Cerca il file client OAuth</translation>
    </message>
    <message>
        <source>space-separated, e.g. offline_access mail</source>
        <translation>separati da spazi, ad es. offline_access mail</translation>
    </message>
    <message>
        <source>Sign in with the pro&amp;vider</source>
        <translation>Accedi con il pro&amp;vider</translation>
    </message>
    <message>
        <source>Opens the provider&apos;s sign-in page in your browser; the tokens go to the system keychain.</source>
        <translation>Apre la pagina di accesso del provider nel browser; i token vanno nel portachiavi di sistema.</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Annulla accesso</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>A&amp;utenticazione:</translation>
    </message>
    <message>
        <source>Client I&amp;D:</source>
        <translation>ID c&amp;lient:</translation>
    </message>
    <message>
        <source>A&amp;zure tenant:</source>
        <translation>Tenant A&amp;zure:</translation>
    </message>
    <message>
        <source>Client secret fi&amp;le:</source>
        <translation>File &amp;JSON del client secret:</translation>
    </message>
    <message>
        <source>Aut&amp;horize URL:</source>
        <translation>URL di &amp;autorizzazione:</translation>
    </message>
    <message>
        <source>To&amp;ken URL:</source>
        <translation>URL del to&amp;ken:</translation>
    </message>
    <message>
        <source>Re&amp;quested scopes:</source>
        <translation>Scope &amp;richiesti:</translation>
    </message>
    <message>
        <source>OAuth client file</source>
        <translation>File client OAuth</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>File JSON (*.json);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>“Sign in” in the account settings</source>
        <translation>“Accedi” nelle impostazioni dell&apos;account</translation>
    </message>
    <message>
        <source>choose how to sign in first</source>
        <translation>scegli prima come accedere</translation>
    </message>
    <message>
        <source>Cannot sign in yet: %1</source>
        <translation>Impossibile accedere per ora: %1</translation>
    </message>
    <message>
        <source>Sign in on the page that opened in your browser. If none opened, open this address:
%1</source>
        <translation>Accedi nella pagina che si è aperta nel browser. Se non se n&apos;è aperta nessuna, apri questo indirizzo:
%1</translation>
    </message>
    <message>
        <source>Starting the sign-in…</source>
        <translation>Avvio dell&apos;accesso…</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Accesso non eseguito: %1</translation>
    </message>
    <message>
        <source>Signed in as %1. The tokens are kept in the system keychain.</source>
        <translation>Accesso eseguito come %1. I token sono conservati nel portachiavi di sistema.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Accesso annullato.</translation>
    </message>
</context>
<context>
    <name>machina::OAuthSignIn</name>
    <message>
        <source>%1: could not reach %2&apos;s token endpoint at %3: %4</source>
        <translation>%1: impossibile raggiungere l&apos;endpoint token di %2 su %3: %4</translation>
    </message>
    <message>
        <source>no error code</source>
        <translation>nessun codice di errore</translation>
    </message>
    <message>
        <source>%1: %2&apos;s token endpoint answered HTTP %3: %4</source>
        <translation>%1: l&apos;endpoint token di %2 ha risposto HTTP %3: %4</translation>
    </message>
    <message>
        <source>%1: %2&apos;s token endpoint sent something that is not a JSON object (%3)</source>
        <translation>%1: l&apos;endpoint token di %2 ha inviato qualcosa che non è un oggetto JSON (%3)</translation>
    </message>
    <message>
        <source>%1: %2&apos;s token endpoint answered without an access_token</source>
        <translation>%1: l&apos;endpoint token di %2 ha risposto senza un access_token</translation>
    </message>
    <message>
        <source>%1 sign-in was not completed within %2 s: finish it in the browser in time, or run %3 again</source>
        <translation>L&apos;accesso %1 non è stato completato entro %2 s: completalo in tempo nel browser, oppure esegui di nuovo %3</translation>
    </message>
    <message>
        <source>%1 sign-in was abandoned (the application is closing)</source>
        <translation>L&apos;accesso %1 è stato abbandonato (l&apos;applicazione si sta chiudendo)</translation>
    </message>
    <message>
        <source>the %1 OAuth client&apos;s %2 must be an https URL (plain http only on loopback), found &apos;%3&apos;</source>
        <translation>%2 del client OAuth %1 deve essere un URL https (http semplice solo su loopback), trovato &apos;%3&apos;</translation>
    </message>
    <message>
        <source>the stored %1 sign-in lacks %2: run %3 and tick it on the consent screen</source>
        <translation>all&apos;accesso %1 memorizzato manca %2: esegui %3 e selezionalo nella schermata di consenso</translation>
    </message>
    <message>
        <source>not signed in to %1: run %2</source>
        <translation>accesso a %1 non effettuato: esegui %2</translation>
    </message>
    <message>
        <source>refreshing the %1 access token</source>
        <extracomment>What was being done, the start of &quot;%1: could not reach ...&quot;; %1 is the provider (Google, Microsoft).</extracomment>
        <translation>aggiornamento del token di accesso %1</translation>
    </message>
    <message>
        <source>%1 no longer accepts the stored sign-in (revoked or expired): sign in again with %2</source>
        <translation>%1 non accetta più l&apos;accesso memorizzato (revocato o scaduto): accedi di nuovo con %2</translation>
    </message>
    <message>
        <source>%1 sign-in: could not listen on 127.0.0.1 for the browser&apos;s redirect</source>
        <translation>Accesso %1: impossibile restare in ascolto su 127.0.0.1 per il reindirizzamento del browser</translation>
    </message>
    <message>
        <source>Machina Console received the answer of %1. You can close this tab and return to the application.</source>
        <translation>Machina Console ha ricevuto la risposta di %1. Puoi chiudere questa scheda e tornare all&apos;applicazione.</translation>
    </message>
    <message>
        <source>%1 sign-in was denied: access was not allowed on the consent screen; run %2 again and allow it</source>
        <translation>L&apos;accesso %1 è stato negato: l&apos;accesso non è stato consentito nella schermata di consenso; esegui di nuovo %2 e consentilo</translation>
    </message>
    <message>
        <source>%1 sign-in failed: %2%3</source>
        <translation>Accesso %1 non riuscito: %2%3</translation>
    </message>
    <message>
        <source>%1 sign-in refused: the browser came back with a state this sign-in did not send (a stale or forged link); run %2 again</source>
        <translation>Accesso %1 rifiutato: il browser è tornato con uno state che questo accesso non ha inviato (un link vecchio o falsificato); esegui di nuovo %2</translation>
    </message>
    <message>
        <source>%1 sign-in: the redirect carried no authorization code</source>
        <translation>Accesso %1: il reindirizzamento non conteneva alcun codice di autorizzazione</translation>
    </message>
    <message>
        <source>%1 sign-in</source>
        <extracomment>What was being done, the start of &quot;%1: could not reach ...&quot;; %1 is the provider (Google, Microsoft).</extracomment>
        <translation>accesso %1</translation>
    </message>
    <message>
        <source>%1; run %2 again</source>
        <extracomment>%1 is an error sentence from the token endpoint, %2 the command that signs in.</extracomment>
        <translation>%1; esegui di nuovo %2</translation>
    </message>
    <message>
        <source>%1 sign-in did not grant %2: run %3 again and tick that permission on the consent screen</source>
        <translation>L&apos;accesso %1 non ha concesso %2: esegui di nuovo %3 e seleziona quell&apos;autorizzazione nella schermata di consenso</translation>
    </message>
</context>
<context>
    <name>machina::Outbox</name>
    <message>
        <source>cannot queue the message &lt;%1&gt;</source>
        <translation>impossibile mettere in coda il messaggio &lt;%1&gt;</translation>
    </message>
    <message>
        <source>cannot read the outbox</source>
        <translation>impossibile leggere la posta in uscita</translation>
    </message>
    <message>
        <source>cannot take the next message from the outbox</source>
        <translation>impossibile prendere il messaggio successivo dalla posta in uscita</translation>
    </message>
    <message>
        <source>Outbox entry %1 is not in a state that allows this.</source>
        <translation>La voce %1 della posta in uscita non è in uno stato che lo consente.</translation>
    </message>
    <message>
        <source>cannot record that entry %1 was sent</source>
        <translation>impossibile registrare l&apos;invio della voce %1</translation>
    </message>
    <message>
        <source>cannot record the failure of entry %1</source>
        <translation>impossibile registrare l&apos;errore della voce %1</translation>
    </message>
    <message>
        <source>the sender stopped while sending it; it is sent again with the same Message-ID</source>
        <translation>il processo di invio si è interrotto durante l&apos;invio; viene inviato di nuovo con lo stesso Message-ID</translation>
    </message>
    <message>
        <source>cannot queue entry %1 again</source>
        <translation>impossibile rimettere in coda la voce %1</translation>
    </message>
    <message>
        <source>cannot retry entry %1</source>
        <translation>impossibile riprovare la voce %1</translation>
    </message>
    <message>
        <source>cannot cancel entry %1</source>
        <translation>impossibile annullare la voce %1</translation>
    </message>
    <message>
        <source>cannot record the Sent copy of entry %1</source>
        <translation>impossibile registrare la copia in Posta inviata della voce %1</translation>
    </message>
    <message>
        <source>cannot record the read mark for entry %1</source>
        <translation>impossibile registrare il contrassegno di lettura per la voce %1</translation>
    </message>
</context>
<context>
    <name>machina::OutboxModel</name>
    <message>
        <source>Queued</source>
        <translation>In coda</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Invio in corso</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Inviato</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Non riuscito</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <source>Server reply: %1</source>
        <translation>Risposta del server: %1</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>Prossimo tentativo: %1</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Inviato: %1</translation>
    </message>
    <message>
        <source>Sent again after the console stopped while sending it: the recipient may get it twice.</source>
        <translation>Inviato di nuovo dopo che la console si è interrotta durante l&apos;invio: il destinatario potrebbe riceverlo due volte.</translation>
    </message>
    <message>
        <source>Message-ID: &lt;%1&gt;</source>
        <translation>Message-ID: &lt;%1&gt;</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentativi</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creato</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>Last error / server reply</source>
        <translation>Ultimo errore / risposta del server</translation>
    </message>
</context>
<context>
    <name>machina::OutboxSender</name>
    <message>
        <source>The account was closed before this ran.</source>
        <translation>L&apos;account è stato chiuso prima di questa operazione.</translation>
    </message>
    <message>
        <source>The send took longer than %1 s (timeout); it was given up.</source>
        <translation>L&apos;invio ha richiesto più di %1 s (timeout); è stato abbandonato.</translation>
    </message>
    <message>
        <source>%1 (process %2)</source>
        <translation>%1 (processo %2)</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>un altro programma</translation>
    </message>
    <message>
        <source>The outbox is being flushed already.</source>
        <translation>La posta in uscita è già in fase di svuotamento.</translation>
    </message>
    <message>
        <source>The outbox is being sent by %1; it sends these messages too.</source>
        <translation>La posta in uscita viene inviata da %1, che invia anche questi messaggi.</translation>
    </message>
    <message numerus="yes">
        <source>the Sent copy of %n message(s) %1: %2</source>
        <translation>
            <numerusform>la copia in Posta inviata di %n messaggio %1: %2</numerusform>
            <numerusform>la copia in Posta inviata di %n messaggi %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>waits</source>
        <translation>è in attesa</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>non è riuscita</translation>
    </message>
    <message>
        <source>the read mark for the message answered by &lt;%1&gt;: %2</source>
        <translation>il contrassegno di lettura per il messaggio a cui risponde &lt;%1&gt;: %2</translation>
    </message>
</context>
<context>
    <name>machina::OutboxView</name>
    <message>
        <source>Re&amp;try now</source>
        <translation>&amp;Riprova ora</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Posta in uscita</translation>
    </message>
    <message>
        <source>Messages waiting to be sent, sent, failed and cancelled, newest first</source>
        <translation>Messaggi in attesa di invio, inviati, non riusciti e annullati, dal più recente</translation>
    </message>
    <message>
        <source>Queue the selected messages again and try to send them now</source>
        <translation>Rimetti in coda i messaggi selezionati e prova a inviarli ora</translation>
    </message>
    <message>
        <source>Never send the selected messages</source>
        <translation>Non inviare mai i messaggi selezionati</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Riprova ora</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Annulla invio</translation>
    </message>
    <message>
        <source>No outbox: the local store is not open, so messages are sent directly and none is kept while the server cannot be reached.</source>
        <translation>Nessuna posta in uscita: l&apos;archivio locale non è aperto, quindi i messaggi vengono inviati direttamente e nessuno viene conservato mentre il server non è raggiungibile.</translation>
    </message>
    <message>
        <source>No messages waiting in the outbox.</source>
        <translation>Nessun messaggio in attesa nella posta in uscita.</translation>
    </message>
    <message>
        <source>The outbox could not be read: %1</source>
        <translation>Impossibile leggere la posta in uscita: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be queued again: %2</source>
        <translation>Impossibile rimettere in coda &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is queued again and sent as soon as the server answers.</source>
        <translation>&quot;%1&quot; è di nuovo in coda e verrà inviato appena il server risponde.</translation>
    </message>
    <message numerus="yes">
        <source>%n messages are queued again and sent as soon as the server answers.</source>
        <translation>
            <numerusform>%n messaggio è di nuovo in coda e verrà inviato appena il server risponde.</numerusform>
            <numerusform>%n messaggi sono di nuovo in coda e verranno inviati appena il server risponde.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel &quot;%1&quot;? It will never be sent.</source>
        <translation>Annullare &quot;%1&quot;? Non verrà mai inviato.</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n messages? They will never be sent.</source>
        <translation>
            <numerusform>Annullare %n messaggio? Non verrà mai inviato.</numerusform>
            <numerusform>Annullare %n messaggi? Non verranno mai inviati.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be cancelled: %2</source>
        <translation>Impossibile annullare &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is cancelled: it will not be sent.</source>
        <translation>&quot;%1&quot; è annullato: non verrà inviato.</translation>
    </message>
    <message numerus="yes">
        <source>%n messages are cancelled: they will not be sent.</source>
        <translation>
            <numerusform>%n messaggio è annullato: non verrà inviato.</numerusform>
            <numerusform>%n messaggi sono annullati: non verranno inviati.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>machina::ReplyCodeTable</name>
    <message>
        <source>%1 is given for both %2 and %3</source>
        <translation>%1 è indicato sia per %2 sia per %3</translation>
    </message>
</context>
<context>
    <name>machina::ReplyDialog</name>
    <message>
        <source>Reply</source>
        <translation>Rispondi</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Invia</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;A:</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>&amp;Oggetto:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Messaggio:</translation>
    </message>
    <message>
        <source>the sender</source>
        <translation>il mittente</translation>
    </message>
    <message>
        <source>%1 wrote:</source>
        <translation>%1 ha scritto:</translation>
    </message>
    <message>
        <source>On %1, %2 wrote:</source>
        <translation>Il giorno %1, %2 ha scritto:</translation>
    </message>
    <message>
        <source>To: the message has no address a reply can go to.</source>
        <translation>A: il messaggio non ha un indirizzo a cui inviare una risposta.</translation>
    </message>
    <message>
        <source>Message: write your reply.</source>
        <translation>Messaggio: scrivi la tua risposta.</translation>
    </message>
    <message>
        <source>Message: write your reply above the quote.</source>
        <translation>Messaggio: scrivi la tua risposta sopra la citazione.</translation>
    </message>
    <message>
        <source>To: %1, so it is left out.</source>
        <translation>A: %1, quindi viene escluso.</translation>
    </message>
    <message>
        <source>Send the reply (Ctrl+Return)</source>
        <translation>Invia la risposta (Ctrl+Return)</translation>
    </message>
    <message>
        <source>The reply was not sent: %1</source>
        <translation>La risposta non è stata inviata: %1</translation>
    </message>
</context>
<context>
    <name>machina::SearchTask</name>
    <message>
        <source>The search criteria &quot;%1&quot; are empty or hold a line break; nothing was sent.</source>
        <translation>I criteri di ricerca &quot;%1&quot; sono vuoti o contengono un a capo; non è stato inviato nulla.</translation>
    </message>
    <message>
        <source>%1 answered a search with more UIDs (over %2) than the mailbox holds (%3).</source>
        <translation>%1 ha risposto a una ricerca con più UID (oltre %2) di quanti ne contenga la casella (%3).</translation>
    </message>
</context>
<context>
    <name>machina::SecureLineTransport</name>
    <message>
        <source>the TCP connection</source>
        <translation>la connessione TCP</translation>
    </message>
    <message>
        <source>the TLS handshake</source>
        <translation>l&apos;handshake TLS</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s (waiting for %3).</source>
        <translation>%1 non ha risposto entro %2 s (in attesa: %3).</translation>
    </message>
</context>
<context>
    <name>machina::SelectTask</name>
    <message>
        <source>%1 has no mailbox &quot;%2&quot; (SELECT answered NO: %3).</source>
        <translation>%1 non ha una casella &quot;%2&quot; (SELECT ha risposto NO: %3).</translation>
    </message>
</context>
<context>
    <name>machina::SettingsDialog</name>
    <message>
        <source>Account Settings</source>
        <translation>Impostazioni account</translation>
    </message>
    <message>
        <source>&amp;Mail server (SMTP/IMAP)</source>
        <translation>Ser&amp;ver di posta (SMTP/IMAP)</translation>
    </message>
    <message>
        <source>&amp;Google account</source>
        <translation>Account &amp;Google</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in a settings file.</source>
        <translation>Memorizzata nel portachiavi di sistema, mai in un file di impostazioni.</translation>
    </message>
    <message>
        <source>the user name</source>
        <translation>il nome utente</translation>
    </message>
    <message>
        <source>Use TLS from the first &amp;byte (ports 465/993)</source>
        <translation>Usa TLS dal primo &amp;byte (porte 465/993)</translation>
    </message>
    <message>
        <source>Unchecked: the connection starts plain and is upgraded with STARTTLS before anything else is sent. Mail is never sent or read in plain text.</source>
        <translation>Se non selezionato: la connessione inizia in chiaro e viene protetta con STARTTLS prima di inviare qualsiasi altra cosa. La posta non viene mai inviata né letta in chiaro.</translation>
    </message>
    <message>
        <source>Unchecked means STARTTLS (ports 587/143); never plain text.</source>
        <translation>Se non selezionato si usa STARTTLS (porte 587/143); mai testo in chiaro.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>optional: extra trusted CA certificates (PEM)</source>
        <translation>facoltativo: certificati CA attendibili aggiuntivi (PEM)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>S&amp;foglia…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>Sends a probe mail to this account and waits for it over IMAP, to show the round trip in the health; the probe is deleted at once.</source>
        <translation>Invia un messaggio di prova a questo account e lo attende via IMAP, per mostrare il tempo di andata e ritorno nello stato; il messaggio di prova viene eliminato subito.</translation>
    </message>
    <message>
        <source>End-to-end check interval</source>
        <translation>Intervallo della verifica end-to-end</translation>
    </message>
    <message>
        <source>SM&amp;TP host:</source>
        <translation>Host SM&amp;TP:</translation>
    </message>
    <message>
        <source>SMTP p&amp;ort:</source>
        <translation>P&amp;orta SMTP:</translation>
    </message>
    <message>
        <source>&amp;IMAP host:</source>
        <translation>Host &amp;IMAP:</translation>
    </message>
    <message>
        <source>IMAP po&amp;rt:</source>
        <translation>Porta IMA&amp;P:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nome utente:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>&amp;From address:</source>
        <translation>Indirizzo &amp;mittente:</translation>
    </message>
    <message>
        <source>Poll i&amp;nterval:</source>
        <translation>Inte&amp;rvallo di polling:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>File &amp;CA:</translation>
    </message>
    <message>
        <source>&amp;Step timeout:</source>
        <translation>Timeout per pa&amp;sso:</translation>
    </message>
    <message>
        <source>&amp;End-to-end check every:</source>
        <translation>Verifica &amp;end-to-end ogni:</translation>
    </message>
    <message>
        <source>client_secret_….json from the Google Cloud console</source>
        <translation>client_secret_….json dalla Google Cloud console</translation>
    </message>
    <message>
        <source>Sign &amp;in with Google</source>
        <translation>&amp;Accedi con Google</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Annulla accesso</translation>
    </message>
    <message>
        <source>OAuth &amp;client file:</source>
        <translation>File &amp;client OAuth:</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>Test &amp;di connessione</translation>
    </message>
    <message>
        <source>Walks the connection step by step with the values as typed: name lookup, TCP, TLS and certificate, capabilities, sign-in, INBOX, IDLE.</source>
        <translation>Esegue la connessione passo per passo con i valori digitati: risoluzione del nome, TCP, TLS e certificato, funzionalità, accesso, INBOX, IDLE.</translation>
    </message>
    <message>
        <source>Also send a test message to m&amp;yself</source>
        <translation>Invia anc&amp;he un messaggio di prova a me stesso</translation>
    </message>
    <message>
        <source>Connection test results</source>
        <translation>Risultati del test di connessione</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>Certificati CA</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificati PEM (*.pem *.crt);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Google OAuth client file</source>
        <translation>File client OAuth di Google</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>File JSON (*.json);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>The password could not be saved in the system keychain: %1</source>
        <translation>Impossibile salvare la password nel portachiavi di sistema: %1</translation>
    </message>
    <message>
        <source>“Sign in with Google”</source>
        <translation>“Accedi con Google”</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test in corso…</translation>
    </message>
    <message>
        <source>The test failed: see the first ✗ above.</source>
        <translation>Il test non è riuscito: vedi il primo ✗ sopra.</translation>
    </message>
    <message>
        <source>Every step passed.</source>
        <translation>Tutti i passi sono riusciti.</translation>
    </message>
    <message>
        <source>Choose the OAuth client file first (a &quot;Desktop app&quot; client from the Google Cloud console).</source>
        <translation>Scegli prima il file client OAuth (un client &quot;App desktop&quot; dalla Google Cloud console).</translation>
    </message>
    <message>
        <source>gmail_credentials_file: not set</source>
        <translation>gmail_credentials_file: non impostato</translation>
    </message>
    <message>
        <source>Sign in on the page that opened in your browser. If none opened, open this address:
%1</source>
        <translation>Accedi nella pagina che si è aperta nel browser. Se non se n&apos;è aperta nessuna, apri questo indirizzo:
%1</translation>
    </message>
    <message>
        <source>Starting Google sign-in…</source>
        <translation>Avvio dell&apos;accesso Google…</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Accesso non eseguito: %1</translation>
    </message>
    <message>
        <source>Signed in as %1. The tokens are kept in the system keychain.</source>
        <translation>Accesso eseguito come %1. I token sono conservati nel portachiavi di sistema.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Accesso annullato.</translation>
    </message>
</context>
<context>
    <name>machina::SignInTokenSource</name>
    <message>
        <source>The account was closed before this ran.</source>
        <translation>L&apos;account è stato chiuso prima di questa operazione.</translation>
    </message>
</context>
<context>
    <name>machina::SmtpClient</name>
    <message>
        <source>The SMTP session was closed.</source>
        <translation>La sessione SMTP è stata chiusa.</translation>
    </message>
    <message>
        <source>No recipient given.</source>
        <translation>Nessun destinatario indicato.</translation>
    </message>
    <message>
        <source>The SMTP session was closed before this ran.</source>
        <translation>La sessione SMTP è stata chiusa prima di questa operazione.</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation>il messaggio di benvenuto</translation>
    </message>
    <message>
        <source>%1 sent a malformed reply (%2 at byte %3).</source>
        <translation>%1 ha inviato una risposta non valida (%2 al byte %3).</translation>
    </message>
    <message>
        <source>The connection to %1 was lost during DATA; the message was not accepted.</source>
        <translation>La connessione a %1 si è interrotta durante DATA; il messaggio non è stato accettato.</translation>
    </message>
    <message>
        <source>The connection to %1 was closed by the server while waiting for %2.</source>
        <translation>La connessione a %1 è stata chiusa dal server durante l&apos;attesa (%2).</translation>
    </message>
    <message>
        <source>%1 closed the session: %2</source>
        <translation>%1 ha chiuso la sessione: %2</translation>
    </message>
    <message>
        <source>%1 answered NOOP with %2</source>
        <translation>%1 ha risposto a NOOP con %2</translation>
    </message>
    <message>
        <source>%1 sent an unexpected reply: %2</source>
        <translation>%1 ha inviato una risposta inattesa: %2</translation>
    </message>
    <message>
        <source>%1 does not accept mail from us: %2</source>
        <translation>%1 non accetta posta da noi: %2</translation>
    </message>
    <message>
        <source>%1 refused %2: %3</source>
        <translation>%1 ha rifiutato %2: %3</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS; refusing to send credentials or mail unencrypted (use_tls: false means STARTTLS, never plain text).</source>
        <translation>%1 non offre STARTTLS; credenziali e posta non vengono inviate senza cifratura (use_tls: false significa STARTTLS, mai testo in chiaro).</translation>
    </message>
    <message>
        <source>%1 refused STARTTLS: %2</source>
        <translation>%1 ha rifiutato STARTTLS: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>%1 offers no authentication method we support (offered: %2; we support PLAIN, LOGIN, XOAUTH2).</source>
        <translation>%1 non offre alcun metodo di autenticazione supportato (offerti: %2; supportiamo PLAIN, LOGIN, XOAUTH2).</translation>
    </message>
    <message>
        <source>%1 offers neither AUTH OAUTHBEARER nor XOAUTH2, needed for OAuth sign-in (offered: %2).</source>
        <translation>%1 non offre né AUTH OAUTHBEARER né XOAUTH2, necessari per l&apos;accesso OAuth (offerti: %2).</translation>
    </message>
    <message>
        <source>%1 could not check the credentials of %2 right now, try again later: %3</source>
        <translation>%1 non ha potuto verificare le credenziali di %2 in questo momento, riprova più tardi: %3</translation>
    </message>
    <message>
        <source>%1 refused the credentials of %2: %3</source>
        <translation>%1 ha rifiutato le credenziali di %2: %3</translation>
    </message>
    <message>
        <source>%1 does not support SMTPUTF8, needed for the non-ASCII address.</source>
        <translation>%1 non supporta SMTPUTF8, necessario per l&apos;indirizzo non ASCII.</translation>
    </message>
    <message>
        <source>%1 does not accept 8-bit data (no 8BITMIME).</source>
        <translation>%1 non accetta dati a 8 bit (nessun 8BITMIME).</translation>
    </message>
    <message>
        <source>The message is %1 bytes; %2 accepts at most %3.</source>
        <translation>Il messaggio è di %1 byte; %2 ne accetta al massimo %3.</translation>
    </message>
    <message>
        <source>%1 refused the sender %2: %3</source>
        <translation>%1 ha rifiutato il mittente %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 refused %n recipient(s): %2. Nothing was sent.</source>
        <translation>
            <numerusform>%1 ha rifiutato %n destinatario: %2. Non è stato inviato nulla.</numerusform>
            <numerusform>%1 ha rifiutato %n destinatari: %2. Non è stato inviato nulla.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 refused DATA: %2</source>
        <translation>%1 ha rifiutato DATA: %2</translation>
    </message>
    <message>
        <source>the reply to the message</source>
        <translation>la risposta al messaggio</translation>
    </message>
    <message>
        <source>%1 did not accept the message for now (try again later): %2</source>
        <translation>%1 non ha accettato il messaggio per ora (riprova più tardi): %2</translation>
    </message>
    <message>
        <source>%1 refused the message: %2</source>
        <translation>%1 ha rifiutato il messaggio: %2</translation>
    </message>
</context>
<context>
    <name>machina::StartTlsTask</name>
    <message>
        <source>%1 refused STARTTLS: %2</source>
        <translation>%1 ha rifiutato STARTTLS: %2</translation>
    </message>
</context>
<context>
    <name>machina::StoreFlagsTask</name>
    <message>
        <source>&quot;%1&quot; is not an IMAP flag; no flags were stored.</source>
        <translation>&quot;%1&quot; non è un flag IMAP; non è stato memorizzato alcun flag.</translation>
    </message>
    <message>
        <source>%1 does not support CONDSTORE (RFC 7162): a conditional STORE (UNCHANGEDSINCE) needs it; no flags were stored.</source>
        <translation>%1 non supporta CONDSTORE (RFC 7162), necessario per uno STORE condizionale (UNCHANGEDSINCE); non è stato memorizzato alcun flag.</translation>
    </message>
</context>
<context>
    <name>machina::StoreSchema</name>
    <message>
        <source>migration %1 failed: %2</source>
        <translation>migrazione %1 non riuscita: %2</translation>
    </message>
    <message>
        <source>it was written by a newer Machina (schema %1; this one knows up to %2)</source>
        <translation>è stato scritto da una versione più recente di Machina (schema %1; questa versione arriva fino allo schema %2)</translation>
    </message>
</context>
<context>
    <name>machina::Tls</name>
    <message>
        <source>No TLS support: Qt found no TLS backend (install the OpenSSL 3 libraries and Qt&apos;s TLS plugins, package libqt6network6).</source>
        <translation>Nessun supporto TLS: Qt non ha trovato alcun backend TLS (installa le librerie OpenSSL 3 e i plugin TLS di Qt, pacchetto libqt6network6).</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossibile leggere %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 non contiene alcun certificato PEM</translation>
    </message>
    <message>
        <source>Cannot find the %1 server %2: %3</source>
        <translation>Impossibile trovare il server %1 %2: %3</translation>
    </message>
    <message>
        <source>%1 refused the connection (is the server running, is the port right?).</source>
        <translation>%1 ha rifiutato la connessione (il server è in esecuzione, la porta è corretta?).</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>Handshake TLS con %1 non riuscito: %2</translation>
    </message>
    <message>
        <source>Network error with %1: %2</source>
        <translation>Errore di rete con %1: %2</translation>
    </message>
    <message>
        <source>TLS certificate of %1 was not accepted: %2</source>
        <translation>Il certificato TLS di %1 non è stato accettato: %2</translation>
    </message>
</context>
<context>
    <name>machina::TrayHealth</name>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostra</translation>
    </message>
    <message>
        <source>&amp;Notify technician...</source>
        <translation>Avvisa &amp;tecnico...</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Controlla ora</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>%1 — starting</source>
        <translation>%1 — avvio in corso</translation>
    </message>
    <message>
        <source>Mail is flowing again</source>
        <translation>La posta funziona di nuovo</translation>
    </message>
    <message>
        <source>Mail connection degraded</source>
        <translation>Connessione di posta degradata</translation>
    </message>
    <message>
        <source>Mail connection down</source>
        <translation>Connessione di posta interrotta</translation>
    </message>
    <message>
        <source>1 message waiting in the outbox</source>
        <translation>1 messaggio in attesa nella posta in uscita</translation>
    </message>
    <message numerus="yes">
        <source>%n messages waiting in the outbox</source>
        <translation>
            <numerusform>%n messaggio in attesa nella posta in uscita</numerusform>
            <numerusform>%n messaggi in attesa nella posta in uscita</numerusform>
        </translation>
    </message>
    <message>
        <source>1 work order not yet acknowledged</source>
        <translation>1 ordine di lavoro non ancora preso in carico</translation>
    </message>
    <message numerus="yes">
        <source>%n work orders not yet acknowledged</source>
        <translation>
            <numerusform>%n ordine di lavoro non ancora preso in carico</numerusform>
            <numerusform>%n ordini di lavoro non ancora presi in carico</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: nobody acknowledged; no one left to escalate to</source>
        <translation>%1: nessuno ha preso in carico; non resta nessuno a cui inoltrare</translation>
    </message>
    <message>
        <source>%1 escalated</source>
        <translation>%1 inoltrato</translation>
    </message>
    <message>
        <source>%1: now with %2</source>
        <translation>%1: ora assegnato a %2</translation>
    </message>
    <message>
        <source>Work order needs you</source>
        <translation>Un ordine di lavoro richiede il tuo intervento</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(nessun oggetto)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 e %n altro</numerusform>
            <numerusform>%1 e altri %n</numerusform>
        </translation>
    </message>
    <message>
        <source>1 new message</source>
        <translation>1 nuovo messaggio</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n nuovo messaggio</numerusform>
            <numerusform>%n nuovi messaggi</numerusform>
        </translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Funzionante</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Degradato</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Non funzionante</translation>
    </message>
    <message>
        <source>never</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Last poll: %1</source>
        <translation>Ultimo controllo: %1</translation>
    </message>
    <message>
        <source>Last send: %1</source>
        <translation>Ultimo invio: %1</translation>
    </message>
    <message>
        <source>Mail round trip: %1 ms (%2)</source>
        <translation>Andata e ritorno della posta: %1 ms (%2)</translation>
    </message>
    <message>
        <source>Mail round trip failed (%1): %2</source>
        <translation>Andata e ritorno della posta non riuscito (%1): %2</translation>
    </message>
</context>
<context>
    <name>machina::WorkOrderFolder</name>
    <message>
        <source>work order %1 has no record in the folder %2</source>
        <translation>l&apos;ordine di lavoro %1 non ha un record nella cartella %2</translation>
    </message>
    <message>
        <source>the server does not keep keywords in the folder %1, so work-order states cannot be shared there (its PERMANENTFLAGS lack \*)</source>
        <translation>il server non conserva le parole chiave nella cartella %1, quindi lì gli stati degli ordini di lavoro non possono essere condivisi (i suoi PERMANENTFLAGS non includono \*)</translation>
    </message>
</context>
<context>
    <name>machina::WorkOrderId</name>
    <message>
        <source>{year} is given twice</source>
        <translation>{year} è indicato due volte</translation>
    </message>
    <message>
        <source>{seq} is given twice</source>
        <translation>{seq} è indicato due volte</translation>
    </message>
    <message>
        <source>%1 has no {seq}</source>
        <translation>%1 non contiene {seq}</translation>
    </message>
    <message>
        <source>%1: only letters, digits and - _ / . # may surround {year} and {seq}</source>
        <translation>%1: solo lettere, cifre e - _ / . # possono circondare {year} e {seq}</translation>
    </message>
    <message>
        <source>%1 needs some fixed text, or ids cannot be told from numbers</source>
        <translation>%1 richiede del testo fisso, altrimenti gli id non si distinguono dai numeri</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration such as 90s, 10m or 2h</source>
        <translation>&quot;%1&quot; non è una durata come 90s, 10m o 2h</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is out of range (1s to 30d)</source>
        <translation>&quot;%1&quot; è fuori intervallo (da 1s a 30d)</translation>
    </message>
</context>
<context>
    <name>machina::WorkOrderMirror</name>
    <message>
        <source>cannot keep work order %1</source>
        <translation>impossibile conservare l&apos;ordine di lavoro %1</translation>
    </message>
    <message>
        <source>cannot refresh the work orders</source>
        <translation>impossibile aggiornare gli ordini di lavoro</translation>
    </message>
    <message>
        <source>cannot keep the work-order mark %1</source>
        <translation>impossibile conservare il contrassegno dell&apos;ordine di lavoro %1</translation>
    </message>
</context>
<context>
    <name>machina::WorkOrderModel</name>
    <message>
        <source>%1 left</source>
        <translation>%1 rimanenti</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>in ritardo</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Creato %1</translation>
    </message>
    <message>
        <source>Created %1 by %2</source>
        <translation>Creato %1 da %2</translation>
    </message>
    <message>
        <source>%1: waiting for %2 to acknowledge</source>
        <translation>%1: in attesa della presa in carico da parte di %2</translation>
    </message>
    <message>
        <source>%1 (responsible now)</source>
        <translation>%1 (incaricato attuale)</translation>
    </message>
    <message>
        <source>%1 (notified)</source>
        <translation>%1 (avvisato)</translation>
    </message>
    <message>
        <source>Acknowledged %1 after it was created (%2)</source>
        <translation>Preso in carico %1 dopo la creazione (%2)</translation>
    </message>
    <message>
        <source>To be acknowledged by %1</source>
        <translation>Da prendere in carico entro %1</translation>
    </message>
    <message>
        <source>Overdue by %1: it was to be acknowledged by %2</source>
        <translation>In ritardo di %1: doveva essere preso in carico entro %2</translation>
    </message>
    <message>
        <source>How long the technician took to acknowledge, or the time left until the work order is escalated</source>
        <translation>Quanto tempo ha impiegato il tecnico per prendere in carico, o il tempo rimanente prima che l&apos;ordine di lavoro venga inoltrato al livello successivo</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Ordine di lavoro</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Impianto</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sintesi</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assegnatario</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorità</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Età</translation>
    </message>
    <message>
        <source>To acknowledge</source>
        <translation>Presa in carico</translation>
    </message>
</context>
<context>
    <name>machina::WorkOrderTimelineModel</name>
    <message>
        <source>Created, notified %1</source>
        <translation>Creato, avvisato %1</translation>
    </message>
    <message>
        <source>Escalated to %1</source>
        <translation>Inoltrato a %1</translation>
    </message>
    <message>
        <source>%1, now with %2</source>
        <translation>%1, ora assegnato a %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Responsible afterwards: %1</source>
        <translation>Incaricato in seguito: %1</translation>
    </message>
    <message>
        <source>Mail: &lt;%1&gt;</source>
        <translation>E-mail: &lt;%1&gt;</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Autore</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commento</translation>
    </message>
</context>
<context>
    <name>machina::WorkOrderTracker</name>
    <message>
        <source>no work order %1</source>
        <translation>nessun ordine di lavoro %1</translation>
    </message>
    <message>
        <source>work order %1 kept changing under us; try again</source>
        <translation>l&apos;ordine di lavoro %1 ha continuato a cambiare nel frattempo; riprova</translation>
    </message>
    <message>
        <source>a work order needs a technician to notify (--to)</source>
        <translation>un ordine di lavoro richiede un tecnico da avvisare (--to)</translation>
    </message>
    <message>
        <source>a work order reaches at most %1 technicians (first plus escalations), not %2</source>
        <translation>un ordine di lavoro raggiunge al massimo %1 tecnici (il primo più le escalation), non %2</translation>
    </message>
    <message>
        <source>a work order needs an asset or a summary</source>
        <translation>un ordine di lavoro richiede un impianto o una sintesi</translation>
    </message>
    <message>
        <source>could not claim a work-order id after %1 tries</source>
        <translation>impossibile ottenere un ID di ordine di lavoro dopo %1 tentativi</translation>
    </message>
    <message>
        <source>cannot create a work order: the mail server cannot be reached to claim an id, and no id is reserved for offline use yet (one is, after a first work order or a console or dispatch run with the server reachable). Nothing was queued. (%1)</source>
        <translation>impossibile creare un ordine di lavoro: il server di posta non è raggiungibile per ottenere un ID e non è ancora riservato alcun ID per l&apos;uso offline (lo sarà dopo un primo ordine di lavoro o un&apos;esecuzione della console o di dispatch con il server raggiungibile). Non è stato messo in coda nulla. (%1)</translation>
    </message>
    <message>
        <source>work order %1, made offline, lost its reserved id; its notification went out under that id all the same</source>
        <translation>l&apos;ordine di lavoro %1, creato offline, ha perso il suo ID riservato; la sua notifica è comunque partita con quell&apos;ID</translation>
    </message>
</context>
<context>
    <name>machina::WorkOrderView</name>
    <message>
        <source>T&amp;imeline:</source>
        <translation>&amp;Cronologia:</translation>
    </message>
    <message>
        <source>&amp;Cancel work order...</source>
        <translation>&amp;Annulla ordine di lavoro...</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Ordini di lavoro</translation>
    </message>
    <message>
        <source>Every work order, newest first, with its state, assignee and the time to acknowledge</source>
        <translation>Tutti gli ordini di lavoro, dal più recente, con stato, assegnatario e tempo di presa in carico</translation>
    </message>
    <message>
        <source>Timeline of the selected work order</source>
        <translation>Cronologia dell&apos;ordine di lavoro selezionato</translation>
    </message>
    <message>
        <source>Call the selected work order off (%1)</source>
        <translation>Annulla l&apos;ordine di lavoro selezionato (%1)</translation>
    </message>
    <message>
        <source>Cancel work order</source>
        <translation>Annulla ordine di lavoro</translation>
    </message>
    <message>
        <source>T&amp;imeline: select a work order</source>
        <translation>&amp;Cronologia: seleziona un ordine di lavoro</translation>
    </message>
    <message>
        <source>T&amp;imeline of %1</source>
        <translation>&amp;Cronologia di %1</translation>
    </message>
    <message>
        <source>No work orders for this account.</source>
        <translation>Nessun ordine di lavoro per questo account.</translation>
    </message>
    <message>
        <source>No work order is waiting for an acknowledgement.</source>
        <translation>Nessun ordine di lavoro in attesa di presa in carico.</translation>
    </message>
    <message>
        <source>Cancel %1 (%2)? No mail goes out: if a technician is already on the way, tell them yourself.</source>
        <translation>Annullare %1 (%2)? Non viene inviata alcuna e-mail: se un tecnico è già in viaggio, avvisalo tu.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Usage: %1</source>
        <translation>Uso: %1</translation>
    </message>
    <message>
        <source>Maintenance supervisor&apos;s mail console.</source>
        <translation>Console di posta del responsabile della manutenzione.</translation>
    </message>
    <message>
        <source>Open the account in this connector config (YAML).</source>
        <translation>Apre l&apos;account definito in questa configurazione del connettore (YAML).</translation>
    </message>
    <message>
        <source>Default: $MACHINA_CONFIG, else %1</source>
        <translation>Predefinito: $MACHINA_CONFIG, altrimenti %1</translation>
    </message>
    <message>
        <source>Print the version.</source>
        <translation>Mostra la versione.</translation>
    </message>
    <message>
        <source>Print this help.</source>
        <translation>Mostra questo aiuto.</translation>
    </message>
    <message>
        <source>The account in %1 could not be opened:

%2</source>
        <translation>Impossibile aprire l&apos;account in %1:

%2</translation>
    </message>
    <message>
        <source>the saved account</source>
        <extracomment>Completes &quot;Opening %1&quot; in the activity log.</extracomment>
        <translation>l&apos;account salvato</translation>
    </message>
    <message>
        <source>Machina Console: set up your account</source>
        <translation>Machina Console: configura il tuo account</translation>
    </message>
    <message>
        <source>The password could not be kept in the system keychain:

%1

It is used for this session only.</source>
        <translation>Impossibile conservare la password nel portachiavi di sistema:

%1

Viene usata solo per questa sessione.</translation>
    </message>
    <message>
        <source>the new account</source>
        <extracomment>Completes &quot;Opening %1&quot; in the activity log.</extracomment>
        <translation>il nuovo account</translation>
    </message>
    <message>
        <source>“Sign in” in File &gt; Settings</source>
        <translation>“Accedi” in File &gt; Impostazioni</translation>
    </message>
    <message>
        <source>“Sign in with Google” in File &gt; Settings</source>
        <translation>“Accedi con Google” in File &gt; Impostazioni</translation>
    </message>
    <message>
        <source>Sending is not available: %1</source>
        <translation>Invio non disponibile: %1</translation>
    </message>
    <message>
        <source>Connected for sending.</source>
        <translation>Connesso per l&apos;invio.</translation>
    </message>
    <message>
        <source>Settings applied: %1</source>
        <translation>Impostazioni applicate: %1</translation>
    </message>
    <message>
        <source>Google account</source>
        <translation>Account Google</translation>
    </message>
    <message>
        <source>Saved as the console&apos;s account; this run was started with a config file, which takes precedence at the next start.</source>
        <translation>Salvato come account della console; questa esecuzione è stata avviata con un file di configurazione, che ha la precedenza al prossimo avvio.</translation>
    </message>
    <message>
        <source>The password was not kept in the keychain (it is used for this session only): %1</source>
        <translation>La password non è stata conservata nel portachiavi (viene usata solo per questa sessione): %1</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Apertura in corso: %1</translation>
    </message>
</context>
</TS>
