<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT" sourcelanguage="en">
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
    <name>machina::ActivityLog</name>
    <message>
        <source>cannot add to the activity log</source>
        <translation>impossibile aggiungere al registro attività</translation>
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
    <name>machina::ReplyCodeTable</name>
    <message>
        <source>%1 is given for both %2 and %3</source>
        <translation>%1 è indicato sia per %2 sia per %3</translation>
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
    <name>machina::cli::CheckCommand</name>
    <message>
        <source>Also send a probe to the account itself, time its arrival over IMAP and remove it (&quot;canary&quot;: {&quot;latency_ms&quot;: N} in the JSON).</source>
        <translation>Invia anche un messaggio di prova all&apos;account stesso, ne misura l&apos;arrivo via IMAP e lo rimuove (&quot;canary&quot;: {&quot;latency_ms&quot;: N} nel JSON).</translation>
    </message>
</context>
<context>
    <name>machina::cli::CommandLine</name>
    <message>
        <source>Send a plain-text message, with attachments if any.</source>
        <translation>Invia un messaggio in testo semplice, con eventuali allegati.</translation>
    </message>
    <message>
        <source>Connect and print the connector&apos;s health as JSON (--canary: a probe mail end to end).</source>
        <translation>Si connette e stampa lo stato del connettore in JSON (--canary: un messaggio di prova end-to-end).</translation>
    </message>
    <message>
        <source>Walk the connection step by step (lookup, TCP, TLS, capabilities, sign-in, INBOX, IDLE).</source>
        <translation>Verifica la connessione passo per passo (risoluzione del nome, TCP, TLS, funzionalità, accesso, INBOX, IDLE).</translation>
    </message>
    <message>
        <source>List the INBOX (newest first): uid, date, sender, subject, seen, attachments.</source>
        <translation>Elenca la posta in arrivo (dai più recenti): uid, data, mittente, oggetto, letto, allegati.</translation>
    </message>
    <message>
        <source>Hand each new message to a handler (--reply-text or --exec) and send its reply.</source>
        <translation>Passa ogni nuovo messaggio a un gestore (--reply-text o --exec) e ne invia la risposta.</translation>
    </message>
    <message>
        <source>List the outbox; &apos;outbox flush&apos; sends what is queued; &apos;outbox retry|cancel ID&apos;.</source>
        <translation>Elenca la posta in uscita; &apos;outbox flush&apos; invia ciò che è in coda; &apos;outbox retry|cancel ID&apos;.</translation>
    </message>
    <message>
        <source>Sign in to Google (Gmail API mode); tokens go to the OS keychain.</source>
        <translation>Accede a Google (modalità API Gmail); i token vengono salvati nel portachiavi di sistema.</translation>
    </message>
    <message>
        <source>Sign in to the oauth2_provider (Microsoft 365, Google) for IMAP and SMTP; tokens go to the OS keychain.</source>
        <translation>Accede all&apos;oauth2_provider (Microsoft 365, Google) per IMAP e SMTP; i token vengono salvati nel portachiavi di sistema.</translation>
    </message>
    <message>
        <source>Keep the account&apos;s password in the OS keychain (read from stdin).</source>
        <translation>Conserva la password dell&apos;account nel portachiavi di sistema (letta da stdin).</translation>
    </message>
    <message>
        <source>Claim a work-order id and notify a technician (--to), escalating if unacknowledged.</source>
        <translation>Assegna un ID di ordine di lavoro e avvisa un tecnico (--to), con escalation se nessuno lo prende in carico.</translation>
    </message>
    <message>
        <source>List the work orders (--json, --open), as the mail server has them.</source>
        <translation>Elenca gli ordini di lavoro (--json, --open) così come si trovano sul server di posta.</translation>
    </message>
    <message>
        <source>Run the work-order tracker without a window until SIGTERM or SIGINT.</source>
        <translation>Esegue il monitoraggio degli ordini di lavoro senza finestra fino a SIGTERM o SIGINT.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Comandi:</translation>
    </message>
    <message>
        <source>Run &apos;machina-mail COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>Eseguire &apos;machina-mail COMMAND --help&apos; per le opzioni di un comando.</translation>
    </message>
    <message>
        <source>Exit codes: 0 success; 1 failure or unhealthy; 2 usage or config error;
3 authentication failed; 4 network or TLS failure; 5 rejected by the server.</source>
        <extracomment>Keep the numbers: scripts branch on them. Break the lines where it reads well.</extracomment>
        <translation>Codici di uscita: 0 successo; 1 errore o stato non sano;
2 errore di utilizzo o di configurazione; 3 autenticazione non riuscita;
4 errore di rete o TLS; 5 rifiutato dal server.</translation>
    </message>
    <message>
        <source>Send mail through the Machina connector.</source>
        <translation>Invia posta tramite il connettore Machina.</translation>
    </message>
    <message>
        <source>Connector config (YAML). Default: $MACHINA_CONFIG, else %1.</source>
        <translation>Configurazione del connettore (YAML). Predefinita: $MACHINA_CONFIG, altrimenti %1.</translation>
    </message>
    <message>
        <source>Print the protocol transcript to stderr (credentials are redacted).</source>
        <translation>Stampa la trascrizione del protocollo su stderr (le credenziali vengono oscurate).</translation>
    </message>
    <message>
        <source>unexpected arguments: %1</source>
        <translation>argomenti imprevisti: %1</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; (try --help)</source>
        <translation>comando sconosciuto &apos;%1&apos; (provare --help)</translation>
    </message>
</context>
<context>
    <name>machina::cli::DispatchCommand</name>
    <message>
        <source>dispatch: cannot watch for signals</source>
        <translation>dispatch: impossibile sorvegliare i segnali</translation>
    </message>
    <message>
        <source>%1 escalated to %2</source>
        <translation>%1 inoltrato a %2</translation>
    </message>
    <message>
        <source>%1 nobody acknowledged; no one left to escalate to</source>
        <translation>%1 nessuno lo ha preso in carico; non resta nessuno a cui inoltrarlo</translation>
    </message>
    <message>
        <source>%1 %2 from %3 -&gt; %4</source>
        <extracomment>%1 the work order, %2 the reply code (ACK, DONE...), %3 its sender, %4 the new state; codes and states stay as they are.</extracomment>
        <translation>%1 %2 da %3 -&gt; %4</translation>
    </message>
    <message>
        <source>reply from %1 to %2 ignored: %3</source>
        <translation>risposta di %1 a %2 ignorata: %3</translation>
    </message>
    <message>
        <source>running; SIGTERM or SIGINT ends it</source>
        <translation>in esecuzione; termina con SIGTERM o SIGINT</translation>
    </message>
</context>
<context>
    <name>machina::cli::ExecHandler</name>
    <message>
        <source>the handler was killed or crashed</source>
        <translation>il gestore è stato terminato o si è bloccato</translation>
    </message>
    <message>
        <source>the handler exited with %1%2</source>
        <translation>il gestore è terminato con %1%2</translation>
    </message>
    <message>
        <source>/bin/sh could not be started</source>
        <translation>impossibile avviare /bin/sh</translation>
    </message>
</context>
<context>
    <name>machina::cli::InboxCommand</name>
    <message>
        <source>Only unseen messages.</source>
        <translation>Solo i messaggi non letti.</translation>
    </message>
    <message>
        <source>At most N messages, the newest (default 50; 0: all).</source>
        <translation>Al massimo N messaggi, i più recenti (predefinito 50; 0: tutti).</translation>
    </message>
    <message>
        <source>Print a JSON array instead of a table.</source>
        <translation>Stampa un array JSON invece di una tabella.</translation>
    </message>
    <message>
        <source>List what the local cache holds, without the network (the last listing&apos;s rows).</source>
        <translation>Elenca il contenuto della cache locale, senza rete (le righe dell&apos;ultimo elenco).</translation>
    </message>
    <message>
        <source>inbox: --limit takes a whole number &gt;= 0</source>
        <translation>inbox: --limit richiede un numero intero &gt;= 0</translation>
    </message>
    <message>
        <source>machina-mail: nothing is cached yet; run inbox once without --offline.</source>
        <translation>machina-mail: la cache è ancora vuota; eseguire inbox una volta senza --offline.</translation>
    </message>
    <message>
        <source>UID</source>
        <comment>column header</comment>
        <translation>UID</translation>
    </message>
    <message>
        <source>DATE</source>
        <comment>column header</comment>
        <translation>DATA</translation>
    </message>
    <message>
        <source>FROM</source>
        <comment>column header</comment>
        <translation>DA</translation>
    </message>
    <message>
        <source>S A</source>
        <comment>column header</comment>
        <extracomment>Over two one-letter columns: N (not seen) and @ (attachments).</extracomment>
        <translation>L A</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <comment>column header</comment>
        <translation>OGGETTO</translation>
    </message>
</context>
<context>
    <name>machina::cli::ListenCommand</name>
    <message>
        <source>not handled (%1), left unseen</source>
        <translation>non gestito (%1), lasciato non letto</translation>
    </message>
    <message>
        <source>handled, no reply</source>
        <translation>gestito, nessuna risposta</translation>
    </message>
    <message>
        <source>handled, replied</source>
        <translation>gestito, risposto</translation>
    </message>
    <message>
        <source>%1 from %2: %3</source>
        <extracomment>%1 is the message&apos;s id, %2 its sender, %3 what came of it (&quot;handled, replied&quot;).</extracomment>
        <translation>%1 da %2: %3</translation>
    </message>
    <message>
        <source>Handle what is unseen now, then exit (0: every handler succeeded).</source>
        <translation>Gestisce i messaggi non letti ora, poi esce (0: tutti i gestori sono riusciti).</translation>
    </message>
    <message>
        <source>Answer every message with TEXT.</source>
        <translation>Risponde a ogni messaggio con TEXT.</translation>
    </message>
    <message>
        <source>Run CMD (through sh) per message, the message as JSON on stdin; its stdout is the reply (empty: none); a non-zero exit leaves the message unseen.</source>
        <translation>Esegue CMD (tramite sh) per ogni messaggio, con il messaggio in JSON su stdin; il suo stdout è la risposta (vuoto: nessuna); un&apos;uscita diversa da zero lascia il messaggio non letto.</translation>
    </message>
    <message>
        <source>Poll every poll_interval even when the server offers IDLE.</source>
        <translation>Interroga il server ogni poll_interval anche quando offre IDLE.</translation>
    </message>
    <message>
        <source>listen: give exactly one of --reply-text TEXT or --exec CMD</source>
        <translation>listen: indicare esattamente uno tra --reply-text TEXT e --exec CMD</translation>
    </message>
    <message>
        <source>sending is not available yet (%1); replies wait until it is</source>
        <translation>l&apos;invio non è ancora disponibile (%1); le risposte attendono finché non lo sarà</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>arresto in corso</translation>
    </message>
    <message>
        <source>%1 received, %2 handled, %3 left unseen</source>
        <translation>%1 ricevuti, %2 gestiti, %3 lasciati non letti</translation>
    </message>
</context>
<context>
    <name>machina::cli::OutboxCommand</name>
    <message>
        <source>ID</source>
        <comment>column header</comment>
        <translation>ID</translation>
    </message>
    <message>
        <source>STATE</source>
        <comment>column header</comment>
        <translation>STATO</translation>
    </message>
    <message>
        <source>TRIES</source>
        <comment>column header</comment>
        <translation>TENTATIVI</translation>
    </message>
    <message>
        <source>CREATED</source>
        <comment>column header</comment>
        <translation>CREATO</translation>
    </message>
    <message>
        <source>TO</source>
        <comment>column header</comment>
        <translation>A</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <comment>column header</comment>
        <translation>OGGETTO</translation>
    </message>
    <message>
        <source>Sent %1, failed %2, still queued %3</source>
        <translation>Inviati %1, non riusciti %2, ancora in coda %3</translation>
    </message>
    <message>
        <source>outbox %1: no entry %2 (give its Message-ID or its number from &apos;outbox&apos;)</source>
        <translation>outbox %1: nessuna voce %2 (indicarne il Message-ID o il numero mostrato da &apos;outbox&apos;)</translation>
    </message>
    <message>
        <source>outbox %1: &lt;%2&gt; is %3: %4</source>
        <extracomment>%1 retry or cancel, %2 the Message-ID, %3 the entry&apos;s state (queued, sent...): commands and states stay as they are.</extracomment>
        <translation>outbox %1: &lt;%2&gt; è %3: %4</translation>
    </message>
    <message>
        <source>Print a JSON array instead of a table.</source>
        <translation>Stampa un array JSON invece di una tabella.</translation>
    </message>
    <message>
        <source>(none): list | flush | retry ID | cancel ID</source>
        <translation>(nessuna): list | flush | retry ID | cancel ID</translation>
    </message>
    <message>
        <source>outbox: use &apos;outbox&apos;, &apos;outbox flush&apos;, &apos;outbox retry ID&apos; or &apos;outbox cancel ID&apos;</source>
        <translation>outbox: usare &apos;outbox&apos;, &apos;outbox flush&apos;, &apos;outbox retry ID&apos; o &apos;outbox cancel ID&apos;</translation>
    </message>
</context>
<context>
    <name>machina::cli::SendCommand</name>
    <message>
        <source>--text-file: cannot read %1: %2</source>
        <translation>--text-file: impossibile leggere %1: %2</translation>
    </message>
    <message>
        <source>--text-file: %1 is not UTF-8 text</source>
        <translation>--text-file: %1 non è testo UTF-8</translation>
    </message>
    <message>
        <source>Recipient address; repeat for more.</source>
        <translation>Indirizzo del destinatario; ripetere per altri.</translation>
    </message>
    <message>
        <source>Subject (default &quot;Machina Notification&quot;).</source>
        <translation>Oggetto (predefinito &quot;Machina Notification&quot;).</translation>
    </message>
    <message>
        <source>Message text.</source>
        <translation>Testo del messaggio.</translation>
    </message>
    <message>
        <source>Read the message text from F (- for stdin).</source>
        <translation>Legge il testo del messaggio da F (- per stdin).</translation>
    </message>
    <message>
        <source>Attach FILE; repeat for more.</source>
        <translation>Allega FILE; ripetere per altri.</translation>
    </message>
    <message>
        <source>Only queue the message in the outbox (no network); &apos;outbox flush&apos;, the console or listen send it.</source>
        <translation>Mette soltanto il messaggio in coda nella posta in uscita (senza rete); lo inviano &apos;outbox flush&apos;, la console o listen.</translation>
    </message>
    <message>
        <source>send: give at least one --to ADDR</source>
        <translation>send: indicare almeno un --to ADDR</translation>
    </message>
    <message>
        <source>send: give exactly one of --text T or --text-file F</source>
        <translation>send: indicare esattamente uno tra --text T e --text-file F</translation>
    </message>
    <message>
        <source>send --queue: the sender is not known without the network; set from_address (or username) in the config</source>
        <translation>send --queue: senza rete il mittente non è noto; impostare from_address (o username) nella configurazione</translation>
    </message>
</context>
<context>
    <name>machina::cli::SignInCommand</name>
    <message>
        <source>Opening your browser for the %1 sign-in. If it does not open, visit:</source>
        <translation>Apertura del browser per l&apos;accesso a %1. Se non si apre, visitare:</translation>
    </message>
    <message>
        <source>Signed in to %1.</source>
        <translation>Accesso a %1 effettuato.</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>Accesso a %1 effettuato come %2.</translation>
    </message>
    <message>
        <source>The tokens are in the OS keychain (service %1); the browser will not be needed again.</source>
        <translation>I token sono nel portachiavi di sistema (servizio %1); il browser non servirà più.</translation>
    </message>
    <message>
        <source>Print the sign-in URL (&quot;Open: URL&quot;) instead of opening a browser.</source>
        <translation>Stampa l&apos;URL di accesso (&quot;Open: URL&quot;) invece di aprire un browser.</translation>
    </message>
    <message>
        <source>gmail_credentials_file: not set; gmail-login is for the Gmail API mode (for IMAP and SMTP with OAuth, set oauth2_provider and run oauth-login)</source>
        <translation>gmail_credentials_file: non impostato; gmail-login serve per la modalità API Gmail (per IMAP e SMTP con OAuth, impostare oauth2_provider ed eseguire oauth-login)</translation>
    </message>
    <message>
        <source>oauth2_provider: not set; oauth-login signs in to IMAP and SMTP with OAuth (microsoft, google or custom)%1</source>
        <translation>oauth2_provider: non impostato; oauth-login accede a IMAP e SMTP con OAuth (microsoft, google o custom)%1</translation>
    </message>
    <message>
        <source>; for the Gmail API mode run gmail-login</source>
        <translation>; per la modalità API Gmail eseguire gmail-login</translation>
    </message>
</context>
<context>
    <name>machina::cli::StorePasswordCommand</name>
    <message>
        <source>Password: </source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>The account (default: username from the config).</source>
        <translation>L&apos;account (predefinito: username dalla configurazione).</translation>
    </message>
    <message>
        <source>Remove the stored password instead.</source>
        <translation>Rimuove invece la password salvata.</translation>
    </message>
    <message>
        <source>store-password: no username (give --username or set username in the config)</source>
        <translation>store-password: nessun nome utente (indicare --username o impostare username nella configurazione)</translation>
    </message>
    <message>
        <source>Removed the password of %1 from the keychain.</source>
        <translation>Password di %1 rimossa dal portachiavi.</translation>
    </message>
    <message>
        <source>store-password: the password is empty; nothing stored</source>
        <translation>store-password: la password è vuota; non è stato salvato nulla</translation>
    </message>
    <message>
        <source>Stored the password of %1 in the keychain (service %2).</source>
        <translation>Password di %1 salvata nel portachiavi (servizio %2).</translation>
    </message>
</context>
<context>
    <name>machina::cli::TestCommand</name>
    <message>
        <source>ok</source>
        <extracomment>Starts the line of a step that passed; six letters at most.</extracomment>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAILED</source>
        <extracomment>Starts the line of a step that failed; six letters at most.</extracomment>
        <translation>ERRORE</translation>
    </message>
    <message>
        <source>note</source>
        <extracomment>Starts the line of a step that only notes something; six letters at most.</extracomment>
        <translation>nota</translation>
    </message>
    <message>
        <source>Also send a test message to the account&apos;s own address.</source>
        <translation>Invia anche un messaggio di prova all&apos;indirizzo dell&apos;account stesso.</translation>
    </message>
    <message>
        <source>Print the steps as a JSON array.</source>
        <translation>Stampa i passi come array JSON.</translation>
    </message>
</context>
<context>
    <name>machina::cli::WorkOrderCommand</name>
    <message>
        <source>%1: work orders need an IMAP account; the Gmail API mode has no folders to share them in</source>
        <translation>%1: gli ordini di lavoro richiedono un account IMAP; la modalità API Gmail non ha cartelle in cui condividerli</translation>
    </message>
    <message>
        <source>The technician to notify: an address, or a name from the roster.</source>
        <translation>Il tecnico da avvisare: un indirizzo o un nome dall&apos;elenco dei turni.</translation>
    </message>
    <message>
        <source>Who is notified next when nobody acknowledges in time; repeat for more, in order.</source>
        <translation>Chi avvisare dopo se nessuno prende in carico in tempo; ripetere per altri, in ordine.</translation>
    </message>
    <message>
        <source>Time to acknowledge (90s, 10m, 2h); default by priority: critical 5m, high 15m, normal 60m, low 4h.</source>
        <translation>Tempo per la presa in carico (90s, 10m, 2h); predefinito secondo la priorità: critical 5m, high 15m, normal 60m, low 4h.</translation>
    </message>
    <message>
        <source>The asset tag (P-201).</source>
        <translation>La sigla dell&apos;impianto (P-201).</translation>
    </message>
    <message>
        <source>What is wrong, in a line.</source>
        <translation>Il problema, in una riga.</translation>
    </message>
    <message>
        <source>low, normal, high or critical (default normal, or the alarm&apos;s).</source>
        <translation>low, normal, high o critical (predefinito normal, o quella dell&apos;allarme).</translation>
    </message>
    <message>
        <source>Take asset, summary and priority from this alarm mail (an id as &apos;inbox --json&apos; prints it); its text is quoted.</source>
        <translation>Prende impianto, riepilogo e priorità da questo messaggio di allarme (un id come lo stampa &apos;inbox --json&apos;); il suo testo viene citato.</translation>
    </message>
    <message>
        <source>Attach FILE to the notification; repeat for more.</source>
        <translation>Allega FILE alla notifica; ripetere per altri.</translation>
    </message>
    <message>
        <source>Return once the notification is queued in the outbox.</source>
        <translation>Termina non appena la notifica è in coda nella posta in uscita.</translation>
    </message>
    <message>
        <source>workorder: the only action is &apos;workorder create&apos;</source>
        <translation>workorder: l&apos;unica azione è &apos;workorder create&apos;</translation>
    </message>
    <message>
        <source>workorder create: give exactly one --to ADDR|NAME (more go with --escalate-to)</source>
        <translation>workorder create: indicare esattamente un --to ADDR|NAME (gli altri con --escalate-to)</translation>
    </message>
    <message>
        <source>--priority: %1 is not low, normal, high or critical</source>
        <translation>--priority: %1 non è low, normal, high o critical</translation>
    </message>
    <message>
        <source>%1 is recorded; its notification waits in the outbox: %2</source>
        <translation>%1 è registrato; la sua notifica attende nella posta in uscita: %2</translation>
    </message>
</context>
<context>
    <name>machina::cli::WorkOrdersCommand</name>
    <message>
        <source>Print a JSON array.</source>
        <translation>Stampa un array JSON.</translation>
    </message>
    <message>
        <source>Only those not done, rejected or cancelled.</source>
        <translation>Solo quelli non completati, né rifiutati né annullati.</translation>
    </message>
</context>
</TS>
