<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>ImapTask</name>
    <message>
        <source>%1 asked for more data than the command has.</source>
        <translation>%1 hat mehr Daten angefordert, als der Befehl enthält.</translation>
    </message>
    <message>
        <source>%1 answered %2 with %3: %4</source>
        <translation>%1 hat %2 mit %3 beantwortet: %4</translation>
    </message>
</context>
<context>
    <name>machina::ActivityLog</name>
    <message>
        <source>cannot add to the activity log</source>
        <translation>Eintrag im Aktivitätsprotokoll nicht möglich</translation>
    </message>
</context>
<context>
    <name>machina::AppendTask</name>
    <message>
        <source>&quot;%1&quot; is not an IMAP flag; nothing was appended to %2.</source>
        <translation>„%1“ ist kein IMAP-Flag; an %2 wurde nichts angehängt.</translation>
    </message>
    <message>
        <source>%1 has no mailbox %2 to append to (TRYCREATE: create it first): %3</source>
        <translation>%1 hat kein Postfach %2 zum Anhängen (TRYCREATE: zuerst anlegen): %3</translation>
    </message>
    <message>
        <source>%1 refused to append to %2: %3</source>
        <translation>%1 hat das Anhängen an %2 abgelehnt: %3</translation>
    </message>
</context>
<context>
    <name>machina::CanaryProbe</name>
    <message>
        <source>The canary needs IMAP: this account uses the Gmail API (gmail_credentials_file), so there is no IMAP INBOX to wait for the probe in.</source>
        <translation>Die Canary-Mail braucht IMAP: Dieses Konto nutzt die Gmail-API (gmail_credentials_file), daher gibt es keine IMAP-INBOX, in der auf die Prüfmail gewartet werden kann.</translation>
    </message>
    <message>
        <source>imap_host: not set; the canary waits for its probe over IMAP.</source>
        <translation>imap_host: nicht gesetzt; die Canary-Mail wartet per IMAP auf ihre Prüfmail.</translation>
    </message>
    <message>
        <source>The account was closed before the canary ran.</source>
        <translation>Das Konto wurde geschlossen, bevor die Canary-Prüfung lief.</translation>
    </message>
    <message>
        <source>The account was closed before the canary was sent.</source>
        <translation>Das Konto wurde geschlossen, bevor die Canary-Mail gesendet wurde.</translation>
    </message>
    <message>
        <source>Machina canary %1</source>
        <translation>Machina-Canary %1</translation>
    </message>
    <message>
        <source>This message checks that mail reaches this mailbox (machina-mail check --canary, or the console&apos;s periodic check). It is deleted as soon as it arrives; if you see it, it came late and you may delete it.</source>
        <translation>Diese Nachricht prüft, ob Mail dieses Postfach erreicht (machina-mail check --canary oder die regelmäßige Prüfung der Konsole). Sie wird gelöscht, sobald sie eintrifft; wenn Sie sie sehen, kam sie verspätet an, und Sie können sie löschen.</translation>
    </message>
    <message>
        <source>The canary could not be sent: %1</source>
        <translation>Die Canary-Mail konnte nicht gesendet werden: %1</translation>
    </message>
    <message>
        <source>The canary could not be looked for: %1</source>
        <translation>Nach der Canary-Mail konnte nicht gesucht werden: %1</translation>
    </message>
    <message>
        <source>The canary arrived (%1 ms) but could not be removed from INBOX: %2</source>
        <translation>Die Canary-Mail ist angekommen (%1 ms), konnte aber nicht aus INBOX entfernt werden: %2</translation>
    </message>
    <message>
        <source>The canary sent to %1 did not arrive in INBOX within %2 s.</source>
        <translation>Die an %1 gesendete Canary-Mail ist nicht innerhalb von %2 s in INBOX angekommen.</translation>
    </message>
</context>
<context>
    <name>machina::ChangedSinceTask</name>
    <message>
        <source>%1 does not support CONDSTORE.</source>
        <translation>%1 unterstützt CONDSTORE nicht.</translation>
    </message>
</context>
<context>
    <name>machina::ConfigLoader</name>
    <message>
        <source>the value</source>
        <extracomment>Stands in for a secret value in an error sentence, as in &quot;the value is not a whole number&quot;.</extracomment>
        <translation>der Wert</translation>
    </message>
    <message>
        <source>%1 is out of range (0-1440 minutes; 0: never)</source>
        <translation>%1 liegt außerhalb des Bereichs (0-1440 Minuten; 0: nie)</translation>
    </message>
    <message>
        <source>%1 is not a port (1-65535)</source>
        <translation>%1 ist kein Port (1-65535)</translation>
    </message>
    <message>
        <source>%1 is out of range (1-%2 seconds)</source>
        <translation>%1 liegt außerhalb des Bereichs (1-%2 Sekunden)</translation>
    </message>
    <message>
        <source>%1 is not an http(s) URL</source>
        <translation>%1 ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>%1 uses plain http, which is allowed only for a loopback host (127.0.0.0/8, ::1, localhost); use https</source>
        <translation>%1 verwendet einfaches http, das nur für einen loopback-Host erlaubt ist (127.0.0.0/8, ::1, localhost); verwenden Sie https</translation>
    </message>
    <message>
        <source>is set, but oauth2_provider is not (microsoft, google or custom)</source>
        <translation>ist gesetzt, oauth2_provider aber nicht (microsoft, google oder custom)</translation>
    </message>
    <message>
        <source>%1 is not a provider we know (microsoft, google or custom)</source>
        <translation>%1 ist kein bekannter Anbieter (microsoft, google oder custom)</translation>
    </message>
    <message>
        <source>cannot be used with gmail_credentials_file (that is the Gmail API mode, which signs in by itself); keep one of the two</source>
        <translation>kann nicht zusammen mit gmail_credentials_file verwendet werden (das ist der Gmail-API-Modus, der sich selbst anmeldet); behalten Sie eines von beiden</translation>
    </message>
    <message>
        <source>is missing (OAuth sign-in needs the account&apos;s address)</source>
        <translation>fehlt (die OAuth-Anmeldung braucht die Adresse des Kontos)</translation>
    </message>
    <message>
        <source>is missing (required with oauth2_provider: %1; the id of an app registered as a desktop/mobile client)</source>
        <translation>fehlt (erforderlich bei oauth2_provider: %1; die ID einer als Desktop-/Mobil-Client registrierten App)</translation>
    </message>
    <message>
        <source>is not used with oauth2_provider: microsoft (a desktop app is a public client with no secret)</source>
        <translation>wird bei oauth2_provider: microsoft nicht verwendet (eine Desktop-App ist ein öffentlicher Client ohne Secret)</translation>
    </message>
    <message>
        <source>is only for oauth2_provider: custom (%1 has its own)</source>
        <translation>gilt nur für oauth2_provider: custom (%1 legt dies selbst fest)</translation>
    </message>
    <message>
        <source>is missing (required with oauth2_provider: custom)</source>
        <translation>fehlt (erforderlich bei oauth2_provider: custom)</translation>
    </message>
    <message>
        <source>is not used with oauth2_provider: custom (give oauth2_authorize_url and oauth2_token_url)</source>
        <translation>wird bei oauth2_provider: custom nicht verwendet (geben Sie oauth2_authorize_url und oauth2_token_url an)</translation>
    </message>
    <message>
        <source>is only for oauth2_provider: microsoft</source>
        <translation>gilt nur für oauth2_provider: microsoft</translation>
    </message>
    <message>
        <source>%1 is not a tenant (organizations, common, consumers, a tenant id or a domain)</source>
        <translation>%1 ist kein Mandant (organizations, common, consumers, eine Mandanten-ID oder eine Domain)</translation>
    </message>
    <message>
        <source>is missing or empty (required unless gmail_credentials_file is set)</source>
        <translation>fehlt oder ist leer (erforderlich, sofern gmail_credentials_file nicht gesetzt ist)</translation>
    </message>
    <message>
        <source>a map</source>
        <extracomment>What a YAML node is, completing &quot;expected ..., found %1&quot;.</extracomment>
        <translation>eine Map</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a single value</source>
        <translation>ein einzelner Wert</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>the top level must be a map holding a connectors: section, found %1</source>
        <translation>die oberste Ebene muss eine Map mit einem Abschnitt connectors: sein, gefunden wurde %1</translation>
    </message>
    <message>
        <source>section is missing</source>
        <translation>Abschnitt fehlt</translation>
    </message>
    <message>
        <source>expected a map of connectors, found %1</source>
        <translation>erwartet wurde eine Map von Connectors, gefunden wurde %1</translation>
    </message>
    <message>
        <source>section is missing under connectors</source>
        <translation>Abschnitt fehlt unter connectors</translation>
    </message>
    <message>
        <source>section is empty</source>
        <translation>Abschnitt ist leer</translation>
    </message>
    <message>
        <source>expected a map of settings, found %1</source>
        <translation>erwartet wurde eine Map von Einstellungen, gefunden wurde %1</translation>
    </message>
    <message>
        <source>duplicate key (first given on line %1)</source>
        <translation>doppelter Schlüssel (zuerst in Zeile %1 angegeben)</translation>
    </message>
    <message>
        <source>(key)</source>
        <extracomment>Stands in for the name of a key that is not a plain name, in &quot;file:line: (key): ...&quot;.</extracomment>
        <translation>(Schlüssel)</translation>
    </message>
    <message>
        <source>a key must be a plain name, found %1</source>
        <translation>ein Schlüssel muss ein einfacher Name sein, gefunden wurde %1</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>unbekannter Schlüssel</translation>
    </message>
    <message>
        <source>unknown key; did you mean %1?</source>
        <translation>unbekannter Schlüssel; meinten Sie %1?</translation>
    </message>
    <message>
        <source>expected a single value, found %1</source>
        <translation>erwartet wurde ein einzelner Wert, gefunden wurde %1</translation>
    </message>
    <message>
        <source>has no value (expected a whole number)</source>
        <translation>hat keinen Wert (erwartet wird eine ganze Zahl)</translation>
    </message>
    <message>
        <source>has no value (expected true or false)</source>
        <translation>hat keinen Wert (erwartet wird true oder false)</translation>
    </message>
    <message>
        <source>has no value (expected email)</source>
        <translation>hat keinen Wert (erwartet wird email)</translation>
    </message>
    <message>
        <source>%1 is not supported here; this section must be type: email</source>
        <translation>%1 wird hier nicht unterstützt; dieser Abschnitt muss type: email sein</translation>
    </message>
    <message>
        <source>%1 is not true or false</source>
        <translation>%1 ist weder true noch false</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>malformed ${...} reference (expected ${NAME} with NAME made of letters, digits and _)</source>
        <translation>fehlerhafte ${...}-Referenz (erwartet wird ${NAME}, wobei NAME aus Buchstaben, Ziffern und _ besteht)</translation>
    </message>
    <message>
        <source>environment variable %1 is not set</source>
        <translation>Umgebungsvariable %1 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>syntax error</source>
        <translation>Syntaxfehler</translation>
    </message>
    <message>
        <source>expected a map of settings</source>
        <translation>erwartet wurde eine Map von Einstellungen</translation>
    </message>
    <message>
        <source>unknown key (known: id_pattern, folder, ack_within, alarm_rules, reply_codes, technicians)</source>
        <translation>unbekannter Schlüssel (bekannt: id_pattern, folder, ack_within, alarm_rules, reply_codes, technicians)</translation>
    </message>
    <message>
        <source>needs a folder name of its own (not INBOX, no * or %)</source>
        <translation>braucht einen eigenen Ordnernamen (nicht INBOX, kein * oder %)</translation>
    </message>
    <message>
        <source>expected a map of priority: duration, as {critical: 5m, high: 15m}</source>
        <translation>erwartet wurde eine Map aus Priorität: Dauer, etwa {critical: 5m, high: 15m}</translation>
    </message>
    <message>
        <source>is not a priority (low, normal, high, critical)</source>
        <translation>ist keine Priorität (low, normal, high, critical)</translation>
    </message>
    <message>
        <source>expected a list of rules</source>
        <translation>erwartet wurde eine Liste von Regeln</translation>
    </message>
    <message>
        <source>each rule is a map with name, subject and severities</source>
        <translation>jede Regel ist eine Map mit name, subject und severities</translation>
    </message>
    <message>
        <source>severities must map each severity word to a priority</source>
        <translation>severities muss jedem Schweregrad-Wort eine Priorität zuordnen</translation>
    </message>
    <message>
        <source>%1 is not a priority (low, normal, high, critical)</source>
        <translation>%1 ist keine Priorität (low, normal, high, critical)</translation>
    </message>
    <message>
        <source>expected a map such as {acknowledged: [ACK, ACCEPT]}</source>
        <translation>erwartet wurde eine Map wie {acknowledged: [ACK, ACCEPT]}</translation>
    </message>
    <message>
        <source>is not one of acknowledged, in_progress, done, rejected</source>
        <translation>ist keiner der Werte acknowledged, in_progress, done, rejected</translation>
    </message>
    <message>
        <source>expected a list of words</source>
        <translation>erwartet wurde eine Liste von Wörtern</translation>
    </message>
    <message>
        <source>each code is one word</source>
        <translation>jeder Code ist ein einzelnes Wort</translation>
    </message>
    <message>
        <source>expected a list of {name, address, areas, order}</source>
        <translation>erwartet wurde eine Liste von {name, address, areas, order}</translation>
    </message>
    <message>
        <source>each technician is a map with name and address</source>
        <translation>jeder Techniker ist eine Map mit name und address</translation>
    </message>
    <message>
        <source>technician %1 needs an address</source>
        <translation>Techniker %1 braucht eine Adresse</translation>
    </message>
</context>
<context>
    <name>machina::ConnectionTester</name>
    <message>
        <source>%1; certificate for %2 from %3, valid until %4</source>
        <translation>%1; Zertifikat für %2 von %3, gültig bis %4</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>(no issuer name)</source>
        <translation>(kein Ausstellername)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>OAuth token</source>
        <translation>OAuth-Token</translation>
    </message>
    <message>
        <source>refreshed at %1; valid until %2</source>
        <translation>erneuert am %1; gültig bis %2</translation>
    </message>
    <message>
        <source>stored sign-in of %1; valid until %2</source>
        <translation>gespeicherte Anmeldung von %1; gültig bis %2</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>none typed and none in the keychain for %1</source>
        <translation>keines eingegeben und keines im Schlüsselbund für %1</translation>
    </message>
    <message>
        <source>from the system keychain</source>
        <translation>aus dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>name lookup</source>
        <translation>Namensauflösung</translation>
    </message>
    <message>
        <source>no address for %1: %2</source>
        <translation>keine Adresse für %1: %2</translation>
    </message>
    <message>
        <source>the name has none</source>
        <translation>der Name hat keine</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
    <message>
        <source>TLS and certificate</source>
        <translation>TLS und Zertifikat</translation>
    </message>
    <message>
        <source>TCP connect</source>
        <translation>TCP-Verbindung</translation>
    </message>
    <message>
        <source>capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>INBOX selection</source>
        <translation>INBOX-Auswahl</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>verbunden mit %1</translation>
    </message>
    <message>
        <source>no sign-in needed (PREAUTH)</source>
        <translation>keine Anmeldung nötig (PREAUTH)</translation>
    </message>
    <message>
        <source>signed in as %1 with %2</source>
        <translation>angemeldet als %1 mit %2</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in %1</source>
        <translation>
            <numerusform>%n Nachricht in %1</numerusform>
            <numerusform>%n Nachrichten in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>IDLE support</source>
        <translation>IDLE-Unterstützung</translation>
    </message>
    <message>
        <source>offered: new mail shows within seconds</source>
        <translation>angeboten: neue Mail erscheint innerhalb von Sekunden</translation>
    </message>
    <message numerus="yes">
        <source>not offered: new mail is found by polling every %n second(s)</source>
        <translation>
            <numerusform>nicht angeboten: neue Mail wird durch Abfrage alle %n Sekunde gefunden</numerusform>
            <numerusform>nicht angeboten: neue Mail wird durch Abfrage alle %n Sekunden gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>no username: mail is sent without signing in</source>
        <translation>kein Benutzername: Mail wird ohne Anmeldung gesendet</translation>
    </message>
    <message>
        <source>Send to %1</source>
        <translation>An %1 senden</translation>
    </message>
    <message>
        <source>This message was sent by the connection test of Machina Console&apos;s settings. It can be deleted.</source>
        <translation>Diese Nachricht wurde vom Verbindungstest in den Einstellungen von Machina Console gesendet. Sie kann gelöscht werden.</translation>
    </message>
    <message>
        <source>accepted as &lt;%1&gt;; it should reach the inbox shortly</source>
        <translation>angenommen als &lt;%1&gt;; sie sollte in Kürze im Posteingang ankommen</translation>
    </message>
    <message>
        <source>Google client file</source>
        <translation>Google-Client-Datei</translation>
    </message>
    <message>
        <source>Desktop client in %1</source>
        <translation>Desktop-Client in %1</translation>
    </message>
    <message>
        <source>Google sign-in and Gmail API</source>
        <translation>Google-Anmeldung und Gmail-API</translation>
    </message>
    <message>
        <source>signed in as %1</source>
        <translation>angemeldet als %1</translation>
    </message>
    <message>
        <source>accepted as &lt;%1&gt;</source>
        <translation>angenommen als &lt;%1&gt;</translation>
    </message>
</context>
<context>
    <name>machina::ConnectorReply</name>
    <message>
        <source>The operation was aborted.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>machina::CredentialStore</name>
    <message>
        <source>Machina Console never stores passwords in files.</source>
        <translation>Machina Console speichert Passwörter niemals in Dateien.</translation>
    </message>
    <message>
        <source>No keychain available: no Secret Service on the D-Bus session bus. Start a keyring (GNOME Keyring or KWallet) in your desktop session; </source>
        <extracomment>Followed by the sentence &quot;Machina Console never stores passwords in files.&quot;</extracomment>
        <translation>Kein Schlüsselbund verfügbar: kein Secret Service auf dem D-Bus-Sitzungsbus. Starten Sie einen Schlüsselbund-Dienst (GNOME Keyring oder KWallet) in Ihrer Desktop-Sitzung; </translation>
    </message>
    <message>
        <source>The keychain is locked and could not be unlocked: unlock your login keyring (log in to the desktop session, or unlock it in your keyring manager) and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt und konnte nicht entsperrt werden: Entsperren Sie Ihren Anmelde-Schlüsselbund (melden Sie sich an der Desktop-Sitzung an oder entsperren Sie ihn in Ihrer Schlüsselbundverwaltung) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain refused access to the Machina Console secrets (%1): unlock it (log in to the desktop session or unlock your login keyring) and try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff auf die Geheimnisse von Machina Console verweigert (%1): Entsperren Sie ihn (melden Sie sich an der Desktop-Sitzung an oder entsperren Sie Ihren Anmelde-Schlüsselbund) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No keychain available: the D-Bus session bus cannot be reached, so neither can the Secret Service (%1). Run Machina Console in a desktop session with a keyring (GNOME Keyring or KWallet); </source>
        <extracomment>Followed by the sentence &quot;Machina Console never stores passwords in files.&quot;</extracomment>
        <translation>Kein Schlüsselbund verfügbar: Der D-Bus-Sitzungsbus ist nicht erreichbar und damit auch nicht der Secret Service (%1). Starten Sie Machina Console in einer Desktop-Sitzung mit einem Schlüsselbund-Dienst (GNOME Keyring oder KWallet); </translation>
    </message>
    <message>
        <source>The keychain has no default keyring to store secrets in and could not create one (%1): create or unlock a login keyring in your desktop session (for example with Passwords and Keys) and try again; </source>
        <extracomment>Followed by the sentence &quot;Machina Console never stores passwords in files.&quot;</extracomment>
        <translation>Der Schlüsselbund-Dienst hat keinen Standard-Schlüsselbund zum Speichern von Geheimnissen und konnte keinen anlegen (%1): Legen Sie in Ihrer Desktop-Sitzung einen Anmelde-Schlüsselbund an oder entsperren Sie ihn (zum Beispiel mit „Passwörter und Verschlüsselung“) und versuchen Sie es erneut; </translation>
    </message>
    <message>
        <source>The keychain failed (%1). Check that a keyring (GNOME Keyring or KWallet) is running and unlocked in your desktop session.</source>
        <translation>Fehler im Schlüsselbund (%1). Prüfen Sie, ob in Ihrer Desktop-Sitzung ein Schlüsselbund-Dienst (GNOME Keyring oder KWallet) läuft und entsperrt ist.</translation>
    </message>
</context>
<context>
    <name>machina::EmailConnector</name>
    <message>
        <source>No local store is open: the message cannot be queued.</source>
        <translation>Kein lokaler Speicher geöffnet: Die Nachricht kann nicht eingereiht werden.</translation>
    </message>
    <message>
        <source>No local store is open: there is no outbox to flush.</source>
        <translation>Kein lokaler Speicher geöffnet: Es gibt keinen Postausgang zum Abarbeiten.</translation>
    </message>
    <message>
        <source>gmail_credentials_file: not set; Google sign-in needs the client file.</source>
        <translation>gmail_credentials_file: nicht gesetzt; die Google-Anmeldung braucht die Client-Datei.</translation>
    </message>
    <message>
        <source>Already listening.</source>
        <translation>Empfang läuft bereits.</translation>
    </message>
    <message>
        <source>Listening was stopped before it began.</source>
        <translation>Der Empfang wurde beendet, bevor er begann.</translation>
    </message>
    <message>
        <source>No local store is open: there is no inbox cache to list.</source>
        <translation>Kein lokaler Speicher geöffnet: Es gibt keinen Posteingangs-Cache zum Auflisten.</translation>
    </message>
    <message>
        <source>%1 is not a message id of this account.</source>
        <translation>%1 ist keine Nachrichten-ID dieses Kontos.</translation>
    </message>
</context>
<context>
    <name>machina::ExpungeTask</name>
    <message>
        <source>%1 does not support UIDPLUS (RFC 4315): without UID EXPUNGE only a plain EXPUNGE could remove the messages, and it would remove every \Deleted message in the mailbox; nothing was expunged.</source>
        <translation>%1 unterstützt UIDPLUS (RFC 4315) nicht: Ohne UID EXPUNGE könnte nur ein einfaches EXPUNGE die Nachrichten entfernen, und es würde jede \Deleted-Nachricht im Postfach entfernen; es wurde nichts gelöscht.</translation>
    </message>
</context>
<context>
    <name>machina::FetchTask</name>
    <message>
        <source>&quot;%1&quot; is not a header field name; nothing was fetched.</source>
        <translation>„%1“ ist kein Name eines Header-Felds; es wurde nichts abgerufen.</translation>
    </message>
</context>
<context>
    <name>machina::GmailBackend</name>
    <message>
        <source>the Gmail API at %1</source>
        <translation>die Gmail-API unter %1</translation>
    </message>
    <message>
        <source>gmail_api_url: %1 must be https (plain http only on loopback)</source>
        <translation>gmail_api_url: %1 muss https sein (einfaches http nur auf Loopback)</translation>
    </message>
    <message>
        <source>%1; retrying in %2 s</source>
        <translation>%1; neuer Versuch in %2 s</translation>
    </message>
    <message>
        <source>Gmail returned no message.</source>
        <translation>Gmail hat keine Nachricht zurückgegeben.</translation>
    </message>
    <message numerus="yes">
        <source>polling Gmail every %n second(s)</source>
        <translation>
            <numerusform>Gmail wird alle %n Sekunde abgefragt</numerusform>
            <numerusform>Gmail wird alle %n Sekunden abgefragt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>machina::GmailClient</name>
    <message>
        <source>Gmail answered %1 with something that is not the JSON the API sends (%2 bytes of %3).</source>
        <translation>Gmail hat %1 mit etwas beantwortet, das nicht das JSON der API ist (%2 Byte von %3).</translation>
    </message>
    <message>
        <source>Gmail rate limit (%1)</source>
        <translation>Gmail-Ratenlimit (%1)</translation>
    </message>
    <message>
        <source>Gmail server error (%1)</source>
        <translation>Gmail-Serverfehler (%1)</translation>
    </message>
    <message>
        <source>Cannot reach the Gmail API at %1: %2</source>
        <translation>Die Gmail-API unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Gmail answered %1: %2</source>
        <translation>Gmail hat %1 beantwortet: %2</translation>
    </message>
</context>
<context>
    <name>machina::GoogleClientSecrets</name>
    <message>
        <source>create a Desktop app client in the Google Cloud console (APIs &amp; Services &gt; Credentials &gt; Create credentials &gt; OAuth client ID &gt; Desktop app) and download its JSON</source>
        <translation>erstellen Sie in der Google Cloud Console einen Client vom Typ Desktop app (APIs &amp; Services &gt; Credentials &gt; Create credentials &gt; OAuth client ID &gt; Desktop app) und laden Sie dessen JSON herunter</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein boolescher Wert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>missing</source>
        <extracomment>After a JSON key, as in &quot;installed.client_id: missing&quot;.</extracomment>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must be a string, found %1</source>
        <translation>muss ein String sein, gefunden wurde %1</translation>
    </message>
    <message>
        <source>empty</source>
        <extracomment>After a JSON key, as in &quot;installed.client_id: empty&quot;.</extracomment>
        <translation>leer</translation>
    </message>
    <message>
        <source>(unparsable)</source>
        <translation>(nicht auswertbar)</translation>
    </message>
    <message>
        <source>not an absolute URL: %1</source>
        <translation>keine absolute URL: %1</translation>
    </message>
    <message>
        <source>must be an https URL (plain http only for 127.0.0.1, ::1 or localhost), found %1</source>
        <translation>muss eine https-URL sein (einfaches http nur für 127.0.0.1, ::1 oder localhost), gefunden wurde %1</translation>
    </message>
    <message>
        <source>no such file; %1 (gmail_credentials_file names where you saved it)</source>
        <translation>Datei nicht vorhanden; %1 (gmail_credentials_file gibt an, wo Sie sie gespeichert haben)</translation>
    </message>
    <message>
        <source>is a directory, not a client secrets file</source>
        <translation>ist ein Verzeichnis, keine Client-Secrets-Datei</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>%1 bytes is far too large for an OAuth client file</source>
        <translation>%1 Bytes sind viel zu groß für eine OAuth-Client-Datei</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>kein gültiges JSON an Offset %1: %2</translation>
    </message>
    <message>
        <source>expected a JSON object {&quot;installed&quot;: {...}}, found %1</source>
        <translation>erwartet wurde ein JSON-Objekt {&quot;installed&quot;: {...}}, gefunden wurde %1</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>etwas anderes</translation>
    </message>
    <message>
        <source>this is a Web application client; %1</source>
        <translation>dies ist ein Client vom Typ Webanwendung; %1</translation>
    </message>
    <message>
        <source>this is a service account key, not an OAuth client; %1</source>
        <translation>dies ist ein Dienstkonto-Schlüssel, kein OAuth-Client; %1</translation>
    </message>
    <message>
        <source>no &quot;installed&quot; client in this file (expected Google&apos;s Desktop app client file, {&quot;installed&quot;: {&quot;client_id&quot;: ...}}); %1</source>
        <translation>kein &quot;installed&quot;-Client in dieser Datei (erwartet wird die Desktop app-Client-Datei von Google, {&quot;installed&quot;: {&quot;client_id&quot;: ...}}); %1</translation>
    </message>
    <message>
        <source>must be an object, found %1</source>
        <translation>muss ein Objekt sein, gefunden wurde %1</translation>
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
        <translation>%1, aber der letzte Versuch ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The certificate of %1 expired on %2.</source>
        <translation>Das Zertifikat von %1 ist am %2 abgelaufen.</translation>
    </message>
    <message>
        <source>The certificate of %1 expires on %2.</source>
        <translation>Das Zertifikat von %1 läuft am %2 ab.</translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation>Nicht mit %1 verbunden.</translation>
    </message>
    <message>
        <source>Cannot reach</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Cannot send</source>
        <translation>Senden nicht möglich</translation>
    </message>
    <message>
        <source>Cannot receive</source>
        <translation>Empfang nicht möglich</translation>
    </message>
    <message>
        <source>Connected to %1; receiving from %2.</source>
        <translation>Verbunden mit %1; Empfang von %2.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <source>The sign-in token could not be refreshed: %1</source>
        <translation>Das Anmelde-Token konnte nicht erneuert werden: %1</translation>
    </message>
</context>
<context>
    <name>machina::IdleTask</name>
    <message>
        <source>%1 does not support IDLE.</source>
        <translation>%1 unterstützt IDLE nicht.</translation>
    </message>
</context>
<context>
    <name>machina::ImapClient</name>
    <message>
        <source>The IMAP session was closed.</source>
        <translation>Die IMAP-Sitzung wurde geschlossen.</translation>
    </message>
    <message>
        <source>The IMAP session was closed before this ran.</source>
        <translation>Die IMAP-Sitzung wurde geschlossen, bevor dies ausgeführt wurde.</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation>die Begrüßung</translation>
    </message>
    <message>
        <source>%1 sent a response we cannot read (%2 at byte %3).</source>
        <translation>%1 hat eine Antwort gesendet, die wir nicht lesen können (%2 bei Byte %3).</translation>
    </message>
    <message>
        <source>%1 closed the session: %2</source>
        <translation>%1 hat die Sitzung geschlossen: %2</translation>
    </message>
    <message>
        <source>The connection to %1 was closed by the server.</source>
        <translation>Die Verbindung zu %1 wurde vom Server geschlossen.</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS; refusing to send credentials unencrypted (use_tls: false means STARTTLS, never plain text).</source>
        <translation>%1 bietet kein STARTTLS an; Zugangsdaten werden nicht unverschlüsselt gesendet (use_tls: false bedeutet STARTTLS, niemals Klartext).</translation>
    </message>
    <message>
        <source>%1: the session is out of step while opening.</source>
        <translation>%1: Die Sitzung ist beim Öffnen aus dem Takt geraten.</translation>
    </message>
    <message>
        <source>No access token to sign in to %1 with.</source>
        <translation>Kein Zugriffstoken für die Anmeldung bei %1.</translation>
    </message>
    <message>
        <source>%1 sent a continuation nobody asked for.</source>
        <translation>%1 hat eine Fortsetzung gesendet, die niemand angefordert hat.</translation>
    </message>
    <message>
        <source>%1 asked for more data than the command has.</source>
        <translation>%1 hat mehr Daten angefordert, als der Befehl enthält.</translation>
    </message>
    <message>
        <source>%1 answered a command we did not send (tag %2).</source>
        <translation>%1 hat einen Befehl beantwortet, den wir nicht gesendet haben (Tag %2).</translation>
    </message>
    <message>
        <source>%1 did not greet as an IMAP server does.</source>
        <translation>%1 hat nicht wie ein IMAP-Server gegrüßt.</translation>
    </message>
    <message>
        <source>%1 pre-authenticated the session in clear, so STARTTLS is impossible; refusing to read mail unencrypted.</source>
        <translation>%1 hat die Sitzung unverschlüsselt vorauthentifiziert, daher ist STARTTLS unmöglich; Mail wird nicht unverschlüsselt gelesen.</translation>
    </message>
    <message>
        <source>%1 refused the session: %2</source>
        <translation>%1 hat die Sitzung abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 sent an unexpected greeting: %2</source>
        <translation>%1 hat eine unerwartete Begrüßung gesendet: %2</translation>
    </message>
</context>
<context>
    <name>machina::ImapListing</name>
    <message>
        <source>The INBOX was renumbered (UIDVALIDITY %1, was %2) during the listing; list it again.</source>
        <translation>Der Posteingang wurde während der Auflistung neu nummeriert (UIDVALIDITY %1, vorher %2); listen Sie ihn erneut auf.</translation>
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
        <translation>Das Konto wurde geschlossen, bevor dies ausgeführt wurde.</translation>
    </message>
    <message>
        <source>password: none in the config and none in the keychain for %1. Write password: ${EMAIL_PASSWORD} in the config, or store it in the keychain with: machina-mail store-password</source>
        <translation>password: keines in der Konfiguration und keines im Schlüsselbund für %1. Schreiben Sie password: ${EMAIL_PASSWORD} in die Konfiguration oder speichern Sie es im Schlüsselbund mit: machina-mail store-password</translation>
    </message>
    <message>
        <source>imap_host: not set; receiving mail needs an IMAP server.</source>
        <translation>imap_host: nicht gesetzt; für den Mailempfang ist ein IMAP-Server nötig.</translation>
    </message>
    <message>
        <source>oauth2_provider: the sign-in is not ready yet.</source>
        <translation>oauth2_provider: Die Anmeldung ist noch nicht bereit.</translation>
    </message>
    <message>
        <source>password: no password for %1 (write password: ${EMAIL_PASSWORD} in the config and set that variable).</source>
        <translation>password: kein Passwort für %1 (schreiben Sie password: ${EMAIL_PASSWORD} in die Konfiguration und setzen Sie diese Variable).</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbindung zu %1 wird hergestellt</translation>
    </message>
    <message>
        <source>Securing the connection to %1</source>
        <translation>Verbindung zu %1 wird abgesichert</translation>
    </message>
    <message>
        <source>Signing in as %1</source>
        <translation>Anmeldung als %1</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>The message %1 is no longer in the mailbox; refresh the list.</source>
        <translation>Die Nachricht %1 ist nicht mehr im Postfach; aktualisieren Sie die Liste.</translation>
    </message>
    <message>
        <source>The mailbox changed (UIDVALIDITY); refresh the list.</source>
        <translation>Das Postfach hat sich geändert (UIDVALIDITY); aktualisieren Sie die Liste.</translation>
    </message>
    <message>
        <source>cannot watch the inbox: %1</source>
        <translation>Posteingang kann nicht überwacht werden: %1</translation>
    </message>
</context>
<context>
    <name>machina::InboxMonitor</name>
    <message>
        <source>new mail shows at once (IDLE)</source>
        <translation>neue Mail erscheint sofort (IDLE)</translation>
    </message>
    <message numerus="yes">
        <source>polling every %n second(s) (the server has no IDLE)</source>
        <translation>
            <numerusform>Abfrage alle %n Sekunde (der Server hat kein IDLE)</numerusform>
            <numerusform>Abfrage alle %n Sekunden (der Server hat kein IDLE)</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot watch the inbox: %1; not retrying until the settings change</source>
        <translation>Posteingang kann nicht überwacht werden: %1; kein neuer Versuch, bis sich die Einstellungen ändern</translation>
    </message>
    <message>
        <source>cannot watch the inbox: %1; retrying in %2 s</source>
        <translation>Posteingang kann nicht überwacht werden: %1; neuer Versuch in %2 s</translation>
    </message>
</context>
<context>
    <name>machina::Listener</name>
    <message>
        <source>waiting for mail (IDLE)</source>
        <translation>warte auf Mail (IDLE)</translation>
    </message>
    <message>
        <source>waiting for mail (polling)</source>
        <translation>warte auf Mail (Abfrage)</translation>
    </message>
    <message>
        <source>cannot receive: %1; retrying in %2 s</source>
        <translation>Empfang nicht möglich: %1; neuer Versuch in %2 s</translation>
    </message>
    <message>
        <source>reconnected</source>
        <translation>wieder verbunden</translation>
    </message>
    <message>
        <source>(the reply &lt;%1&gt;, from the outbox)</source>
        <translation>(die Antwort &lt;%1&gt;, aus dem Postausgang)</translation>
    </message>
    <message>
        <source>the reply to %1 waits in the outbox</source>
        <translation>die Antwort auf %1 wartet im Postausgang</translation>
    </message>
    <message>
        <source>the reply could not be queued: %1</source>
        <translation>die Antwort konnte nicht eingereiht werden: %1</translation>
    </message>
    <message>
        <source>the reply could not be sent: %1</source>
        <translation>die Antwort konnte nicht gesendet werden: %1</translation>
    </message>
    <message>
        <source>the reply to %1 could not be sent (%2); it waits in the outbox</source>
        <translation>die Antwort auf %1 konnte nicht gesendet werden (%2); sie wartet im Postausgang</translation>
    </message>
    <message>
        <source>the reply waits in the outbox: %1</source>
        <translation>die Antwort wartet im Postausgang: %1</translation>
    </message>
    <message>
        <source>the reply to %1 could not be sent (%2); it is sent again at the next round</source>
        <translation>die Antwort auf %1 konnte nicht gesendet werden (%2); sie wird in der nächsten Runde erneut gesendet</translation>
    </message>
</context>
<context>
    <name>machina::LocalStore</name>
    <message>
        <source>The local store %1: %2: %3</source>
        <translation>Der lokale Speicher %1: %2: %3</translation>
    </message>
    <message>
        <source>The local store %1: cannot create its folder %2.</source>
        <translation>Der lokale Speicher %1: Sein Ordner %2 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>cannot open it</source>
        <translation>kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot read it</source>
        <translation>kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The local store %1 is damaged: %2.</source>
        <translation>Der lokale Speicher %1 ist beschädigt: %2.</translation>
    </message>
    <message>
        <source>The local store %1: %2.</source>
        <translation>Der lokale Speicher %1: %2.</translation>
    </message>
    <message>
        <source>%1 It could not be moved aside, so it was left as it is; move it away by hand.</source>
        <translation>%1 Er konnte nicht beiseitegelegt werden und wurde daher unverändert gelassen; verschieben Sie ihn von Hand.</translation>
    </message>
    <message>
        <source>Its outbox could not be read: any messages still queued in it are lost.</source>
        <translation>Sein Postausgang konnte nicht gelesen werden: Alle darin noch eingereihten Nachrichten sind verloren.</translation>
    </message>
    <message>
        <source>Nothing was waiting in its outbox.</source>
        <translation>In seinem Postausgang wartete nichts.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting in its outbox were carried over.</source>
        <translation>
            <numerusform>%n Nachricht, die in seinem Postausgang wartete, wurde übernommen.</numerusform>
            <numerusform>%n Nachrichten, die in seinem Postausgang warteten, wurden übernommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 It was moved aside to %2 and a fresh store was started. %3</source>
        <translation>%1 Er wurde nach %2 verschoben, und ein neuer Speicher wurde angelegt. %3</translation>
    </message>
</context>
<context>
    <name>machina::LoginTask</name>
    <message>
        <source>%1 offers neither AUTHENTICATE OAUTHBEARER nor XOAUTH2, needed for OAuth sign-in.</source>
        <translation>%1 bietet weder AUTHENTICATE OAUTHBEARER noch XOAUTH2 an, die für die OAuth-Anmeldung nötig sind.</translation>
    </message>
    <message>
        <source>%1 allows neither LOGIN nor AUTHENTICATE PLAIN.</source>
        <translation>%1 erlaubt weder LOGIN noch AUTHENTICATE PLAIN.</translation>
    </message>
    <message>
        <source>%1 refused the credentials of %2: %3</source>
        <translation>%1 hat die Zugangsdaten von %2 abgelehnt: %3</translation>
    </message>
</context>
<context>
    <name>machina::MailBackend</name>
    <message>
        <source>This account keeps no Sent copies of its own.</source>
        <translation>Dieses Konto bewahrt keine eigenen Kopien unter Gesendet auf.</translation>
    </message>
    <message>
        <source>This account signs in with a password: set oauth2_provider (IMAP and SMTP) or gmail_credentials_file (the Gmail API) to sign in with OAuth.</source>
        <translation>Dieses Konto meldet sich mit einem Passwort an: Setzen Sie oauth2_provider (IMAP und SMTP) oder gmail_credentials_file (die Gmail-API), um sich mit OAuth anzumelden.</translation>
    </message>
    <message>
        <source>This needs an IMAP account (imap_host); the Gmail API mode has no IMAP folders.</source>
        <translation>Dafür ist ein IMAP-Konto nötig (imap_host); der Gmail-API-Modus hat keine IMAP-Ordner.</translation>
    </message>
</context>
<context>
    <name>machina::MailOAuth</name>
    <message>
        <source>the identity provider</source>
        <translation>der Identitätsanbieter</translation>
    </message>
    <message>
        <source>oauth2_provider: not set</source>
        <translation>oauth2_provider: nicht gesetzt</translation>
    </message>
    <message>
        <source>check oauth2_client_id (an app registered as a desktop/mobile client)</source>
        <translation>prüfen Sie oauth2_client_id (eine als Desktop-/Mobil-Client registrierte App)</translation>
    </message>
</context>
<context>
    <name>machina::MessageCache</name>
    <message>
        <source>cannot read the inbox cache</source>
        <translation>Posteingangs-Cache kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot reset the inbox cache</source>
        <translation>Posteingangs-Cache kann nicht zurückgesetzt werden</translation>
    </message>
    <message>
        <source>cannot write the inbox cache</source>
        <translation>Posteingangs-Cache kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot keep the message in the inbox cache</source>
        <translation>Nachricht kann nicht im Posteingangs-Cache behalten werden</translation>
    </message>
</context>
<context>
    <name>machina::OAuthSignIn</name>
    <message>
        <source>%1: could not reach %2&apos;s token endpoint at %3: %4</source>
        <translation>%1: Der Token-Endpunkt von %2 unter %3 war nicht erreichbar: %4</translation>
    </message>
    <message>
        <source>no error code</source>
        <translation>kein Fehlercode</translation>
    </message>
    <message>
        <source>%1: %2&apos;s token endpoint answered HTTP %3: %4</source>
        <translation>%1: Der Token-Endpunkt von %2 antwortete mit HTTP %3: %4</translation>
    </message>
    <message>
        <source>%1: %2&apos;s token endpoint sent something that is not a JSON object (%3)</source>
        <translation>%1: Der Token-Endpunkt von %2 hat etwas gesendet, das kein JSON-Objekt ist (%3)</translation>
    </message>
    <message>
        <source>%1: %2&apos;s token endpoint answered without an access_token</source>
        <translation>%1: Der Token-Endpunkt von %2 hat ohne access_token geantwortet</translation>
    </message>
    <message>
        <source>%1 sign-in was not completed within %2 s: finish it in the browser in time, or run %3 again</source>
        <translation>Die %1-Anmeldung wurde nicht innerhalb von %2 s abgeschlossen: Schließen Sie sie rechtzeitig im Browser ab oder führen Sie %3 erneut aus</translation>
    </message>
    <message>
        <source>%1 sign-in was abandoned (the application is closing)</source>
        <translation>Die %1-Anmeldung wurde abgebrochen (die Anwendung wird beendet)</translation>
    </message>
    <message>
        <source>the %1 OAuth client&apos;s %2 must be an https URL (plain http only on loopback), found &apos;%3&apos;</source>
        <translation>%2 des %1-OAuth-Clients muss eine https-URL sein (einfaches http nur über loopback), gefunden: &apos;%3&apos;</translation>
    </message>
    <message>
        <source>the stored %1 sign-in lacks %2: run %3 and tick it on the consent screen</source>
        <translation>der gespeicherten %1-Anmeldung fehlt %2: Führen Sie %3 aus und setzen Sie auf der Zustimmungsseite das Häkchen dafür</translation>
    </message>
    <message>
        <source>not signed in to %1: run %2</source>
        <translation>nicht bei %1 angemeldet: Führen Sie %2 aus</translation>
    </message>
    <message>
        <source>refreshing the %1 access token</source>
        <extracomment>What was being done, the start of &quot;%1: could not reach ...&quot;; %1 is the provider (Google, Microsoft).</extracomment>
        <translation>Erneuern des %1-Zugriffstokens</translation>
    </message>
    <message>
        <source>%1 no longer accepts the stored sign-in (revoked or expired): sign in again with %2</source>
        <translation>%1 akzeptiert die gespeicherte Anmeldung nicht mehr (widerrufen oder abgelaufen): Melden Sie sich mit %2 erneut an</translation>
    </message>
    <message>
        <source>%1 sign-in: could not listen on 127.0.0.1 for the browser&apos;s redirect</source>
        <translation>%1-Anmeldung: Auf 127.0.0.1 konnte nicht auf die Weiterleitung des Browsers gewartet werden</translation>
    </message>
    <message>
        <source>Machina Console received the answer of %1. You can close this tab and return to the application.</source>
        <translation>Machina Console hat die Antwort von %1 erhalten. Sie können diesen Tab schließen und zur Anwendung zurückkehren.</translation>
    </message>
    <message>
        <source>%1 sign-in was denied: access was not allowed on the consent screen; run %2 again and allow it</source>
        <translation>Die %1-Anmeldung wurde verweigert: Der Zugriff wurde auf der Zustimmungsseite nicht erlaubt; führen Sie %2 erneut aus und erlauben Sie ihn</translation>
    </message>
    <message>
        <source>%1 sign-in failed: %2%3</source>
        <translation>Die %1-Anmeldung ist fehlgeschlagen: %2%3</translation>
    </message>
    <message>
        <source>%1 sign-in refused: the browser came back with a state this sign-in did not send (a stale or forged link); run %2 again</source>
        <translation>%1-Anmeldung abgelehnt: Der Browser kam mit einem state zurück, den diese Anmeldung nicht gesendet hat (ein veralteter oder gefälschter Link); führen Sie %2 erneut aus</translation>
    </message>
    <message>
        <source>%1 sign-in: the redirect carried no authorization code</source>
        <translation>%1-Anmeldung: Die Weiterleitung enthielt keinen Autorisierungscode</translation>
    </message>
    <message>
        <source>%1 sign-in</source>
        <extracomment>What was being done, the start of &quot;%1: could not reach ...&quot;; %1 is the provider (Google, Microsoft).</extracomment>
        <translation>%1-Anmeldung</translation>
    </message>
    <message>
        <source>%1; run %2 again</source>
        <extracomment>%1 is an error sentence from the token endpoint, %2 the command that signs in.</extracomment>
        <translation>%1; führen Sie %2 erneut aus</translation>
    </message>
    <message>
        <source>%1 sign-in did not grant %2: run %3 again and tick that permission on the consent screen</source>
        <translation>Die %1-Anmeldung hat %2 nicht gewährt: Führen Sie %3 erneut aus und setzen Sie auf der Zustimmungsseite das Häkchen für diese Berechtigung</translation>
    </message>
</context>
<context>
    <name>machina::Outbox</name>
    <message>
        <source>cannot queue the message &lt;%1&gt;</source>
        <translation>die Nachricht &lt;%1&gt; kann nicht eingereiht werden</translation>
    </message>
    <message>
        <source>cannot read the outbox</source>
        <translation>der Postausgang kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot take the next message from the outbox</source>
        <translation>die nächste Nachricht kann nicht aus dem Postausgang genommen werden</translation>
    </message>
    <message>
        <source>Outbox entry %1 is not in a state that allows this.</source>
        <translation>Der Postausgangseintrag %1 ist nicht in einem Zustand, der dies erlaubt.</translation>
    </message>
    <message>
        <source>cannot record that entry %1 was sent</source>
        <translation>der Versand von Eintrag %1 kann nicht vermerkt werden</translation>
    </message>
    <message>
        <source>cannot record the failure of entry %1</source>
        <translation>der Fehlschlag von Eintrag %1 kann nicht vermerkt werden</translation>
    </message>
    <message>
        <source>the sender stopped while sending it; it is sent again with the same Message-ID</source>
        <translation>das Senden wurde unterbrochen; die Nachricht wird mit derselben Message-ID erneut gesendet</translation>
    </message>
    <message>
        <source>cannot queue entry %1 again</source>
        <translation>Eintrag %1 kann nicht erneut eingereiht werden</translation>
    </message>
    <message>
        <source>cannot retry entry %1</source>
        <translation>Eintrag %1 kann nicht erneut versucht werden</translation>
    </message>
    <message>
        <source>cannot cancel entry %1</source>
        <translation>Eintrag %1 kann nicht storniert werden</translation>
    </message>
    <message>
        <source>cannot record the Sent copy of entry %1</source>
        <translation>die Kopie unter Gesendet von Eintrag %1 kann nicht vermerkt werden</translation>
    </message>
    <message>
        <source>cannot record the read mark for entry %1</source>
        <translation>die Gelesen-Markierung für Eintrag %1 kann nicht vermerkt werden</translation>
    </message>
</context>
<context>
    <name>machina::OutboxSender</name>
    <message>
        <source>The account was closed before this ran.</source>
        <translation>Das Konto wurde geschlossen, bevor dies ausgeführt wurde.</translation>
    </message>
    <message>
        <source>The send took longer than %1 s (timeout); it was given up.</source>
        <translation>Das Senden hat länger als %1 s gedauert (Zeitüberschreitung); es wurde aufgegeben.</translation>
    </message>
    <message>
        <source>%1 (process %2)</source>
        <translation>%1 (Prozess %2)</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>ein anderes Programm</translation>
    </message>
    <message>
        <source>The outbox is being flushed already.</source>
        <translation>Der Postausgang wird bereits abgearbeitet.</translation>
    </message>
    <message>
        <source>The outbox is being sent by %1; it sends these messages too.</source>
        <translation>Der Postausgang wird bereits von %1 abgearbeitet; dort werden auch diese Nachrichten gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>the Sent copy of %n message(s) %1: %2</source>
        <translation>
            <numerusform>Gesendet-Kopie von %n Nachricht %1: %2</numerusform>
            <numerusform>Gesendet-Kopien von %n Nachrichten %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>waits</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>the read mark for the message answered by &lt;%1&gt;: %2</source>
        <translation>die Gelesen-Markierung für die von &lt;%1&gt; beantwortete Nachricht: %2</translation>
    </message>
</context>
<context>
    <name>machina::ReplyCodeTable</name>
    <message>
        <source>%1 is given for both %2 and %3</source>
        <translation>%1 ist sowohl für %2 als auch für %3 angegeben</translation>
    </message>
</context>
<context>
    <name>machina::SearchTask</name>
    <message>
        <source>The search criteria &quot;%1&quot; are empty or hold a line break; nothing was sent.</source>
        <translation>Die Suchkriterien „%1“ sind leer oder enthalten einen Zeilenumbruch; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>%1 answered a search with more UIDs (over %2) than the mailbox holds (%3).</source>
        <translation>%1 hat eine Suche mit mehr UIDs (über %2) beantwortet, als das Postfach enthält (%3).</translation>
    </message>
</context>
<context>
    <name>machina::SecureLineTransport</name>
    <message>
        <source>the TCP connection</source>
        <translation>die TCP-Verbindung</translation>
    </message>
    <message>
        <source>the TLS handshake</source>
        <translation>der TLS-Handshake</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s (waiting for %3).</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet (Warten auf %3).</translation>
    </message>
</context>
<context>
    <name>machina::SelectTask</name>
    <message>
        <source>%1 has no mailbox &quot;%2&quot; (SELECT answered NO: %3).</source>
        <translation>%1 hat kein Postfach „%2“ (SELECT antwortete NO: %3).</translation>
    </message>
</context>
<context>
    <name>machina::SignInTokenSource</name>
    <message>
        <source>The account was closed before this ran.</source>
        <translation>Das Konto wurde geschlossen, bevor dies ausgeführt wurde.</translation>
    </message>
</context>
<context>
    <name>machina::SmtpClient</name>
    <message>
        <source>The SMTP session was closed.</source>
        <translation>Die SMTP-Sitzung wurde geschlossen.</translation>
    </message>
    <message>
        <source>No recipient given.</source>
        <translation>Kein Empfänger angegeben.</translation>
    </message>
    <message>
        <source>The SMTP session was closed before this ran.</source>
        <translation>Die SMTP-Sitzung wurde geschlossen, bevor dies ausgeführt wurde.</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation>die Begrüßung</translation>
    </message>
    <message>
        <source>%1 sent a malformed reply (%2 at byte %3).</source>
        <translation>%1 hat eine fehlerhafte Antwort gesendet (%2 bei Byte %3).</translation>
    </message>
    <message>
        <source>The connection to %1 was lost during DATA; the message was not accepted.</source>
        <translation>Die Verbindung zu %1 ist während DATA abgebrochen; die Nachricht wurde nicht angenommen.</translation>
    </message>
    <message>
        <source>The connection to %1 was closed by the server while waiting for %2.</source>
        <translation>Die Verbindung zu %1 wurde vom Server geschlossen, während auf %2 gewartet wurde.</translation>
    </message>
    <message>
        <source>%1 closed the session: %2</source>
        <translation>%1 hat die Sitzung geschlossen: %2</translation>
    </message>
    <message>
        <source>%1 answered NOOP with %2</source>
        <translation>%1 hat NOOP mit %2 beantwortet</translation>
    </message>
    <message>
        <source>%1 sent an unexpected reply: %2</source>
        <translation>%1 hat eine unerwartete Antwort gesendet: %2</translation>
    </message>
    <message>
        <source>%1 does not accept mail from us: %2</source>
        <translation>%1 nimmt keine Mail von uns an: %2</translation>
    </message>
    <message>
        <source>%1 refused %2: %3</source>
        <translation>%1 hat %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS; refusing to send credentials or mail unencrypted (use_tls: false means STARTTLS, never plain text).</source>
        <translation>%1 bietet kein STARTTLS an; Zugangsdaten und Mail werden nicht unverschlüsselt gesendet (use_tls: false bedeutet STARTTLS, niemals Klartext).</translation>
    </message>
    <message>
        <source>%1 refused STARTTLS: %2</source>
        <translation>%1 hat STARTTLS abgelehnt: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 offers no authentication method we support (offered: %2; we support PLAIN, LOGIN, XOAUTH2).</source>
        <translation>%1 bietet keine Authentifizierungsmethode an, die wir unterstützen (angeboten: %2; wir unterstützen PLAIN, LOGIN, XOAUTH2).</translation>
    </message>
    <message>
        <source>%1 offers neither AUTH OAUTHBEARER nor XOAUTH2, needed for OAuth sign-in (offered: %2).</source>
        <translation>%1 bietet weder AUTH OAUTHBEARER noch XOAUTH2 an, die für die OAuth-Anmeldung nötig sind (angeboten: %2).</translation>
    </message>
    <message>
        <source>%1 could not check the credentials of %2 right now, try again later: %3</source>
        <translation>%1 konnte die Zugangsdaten von %2 gerade nicht prüfen, versuchen Sie es später erneut: %3</translation>
    </message>
    <message>
        <source>%1 refused the credentials of %2: %3</source>
        <translation>%1 hat die Zugangsdaten von %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>%1 does not support SMTPUTF8, needed for the non-ASCII address.</source>
        <translation>%1 unterstützt SMTPUTF8 nicht, das für die Nicht-ASCII-Adresse nötig ist.</translation>
    </message>
    <message>
        <source>%1 does not accept 8-bit data (no 8BITMIME).</source>
        <translation>%1 nimmt keine 8-Bit-Daten an (kein 8BITMIME).</translation>
    </message>
    <message>
        <source>The message is %1 bytes; %2 accepts at most %3.</source>
        <translation>Die Nachricht hat %1 Byte; %2 nimmt höchstens %3 an.</translation>
    </message>
    <message>
        <source>%1 refused the sender %2: %3</source>
        <translation>%1 hat den Absender %2 abgelehnt: %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 refused %n recipient(s): %2. Nothing was sent.</source>
        <translation>
            <numerusform>%1 hat %n Empfänger abgelehnt: %2. Es wurde nichts gesendet.</numerusform>
            <numerusform>%1 hat %n Empfänger abgelehnt: %2. Es wurde nichts gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 refused DATA: %2</source>
        <translation>%1 hat DATA abgelehnt: %2</translation>
    </message>
    <message>
        <source>the reply to the message</source>
        <translation>die Antwort auf die Nachricht</translation>
    </message>
    <message>
        <source>%1 did not accept the message for now (try again later): %2</source>
        <translation>%1 hat die Nachricht vorerst nicht angenommen (versuchen Sie es später erneut): %2</translation>
    </message>
    <message>
        <source>%1 refused the message: %2</source>
        <translation>%1 hat die Nachricht abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>machina::StartTlsTask</name>
    <message>
        <source>%1 refused STARTTLS: %2</source>
        <translation>%1 hat STARTTLS abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>machina::StoreFlagsTask</name>
    <message>
        <source>&quot;%1&quot; is not an IMAP flag; no flags were stored.</source>
        <translation>„%1“ ist kein IMAP-Flag; es wurden keine Flags gespeichert.</translation>
    </message>
    <message>
        <source>%1 does not support CONDSTORE (RFC 7162): a conditional STORE (UNCHANGEDSINCE) needs it; no flags were stored.</source>
        <translation>%1 unterstützt CONDSTORE (RFC 7162) nicht: Ein bedingtes STORE (UNCHANGEDSINCE) benötigt es; es wurden keine Flags gespeichert.</translation>
    </message>
</context>
<context>
    <name>machina::StoreSchema</name>
    <message>
        <source>migration %1 failed: %2</source>
        <translation>Migration %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>it was written by a newer Machina (schema %1; this one knows up to %2)</source>
        <translation>er wurde von einer neueren Machina-Version geschrieben (Schema %1; diese kennt bis %2)</translation>
    </message>
</context>
<context>
    <name>machina::Tls</name>
    <message>
        <source>No TLS support: Qt found no TLS backend (install the OpenSSL 3 libraries and Qt&apos;s TLS plugins, package libqt6network6).</source>
        <translation>Keine TLS-Unterstützung: Qt hat kein TLS-Backend gefunden (installieren Sie die OpenSSL-3-Bibliotheken und die TLS-Plugins von Qt, Paket libqt6network6).</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>Cannot find the %1 server %2: %3</source>
        <translation>Der %1-Server %2 wurde nicht gefunden: %3</translation>
    </message>
    <message>
        <source>%1 refused the connection (is the server running, is the port right?).</source>
        <translation>%1 hat die Verbindung abgelehnt (läuft der Server, stimmt der Port?).</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>TLS-Handshake mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Network error with %1: %2</source>
        <translation>Netzwerkfehler bei %1: %2</translation>
    </message>
    <message>
        <source>TLS certificate of %1 was not accepted: %2</source>
        <translation>Das TLS-Zertifikat von %1 wurde nicht akzeptiert: %2</translation>
    </message>
</context>
<context>
    <name>machina::WorkOrderFolder</name>
    <message>
        <source>work order %1 has no record in the folder %2</source>
        <translation>Arbeitsauftrag %1 hat keinen Eintrag im Ordner %2</translation>
    </message>
    <message>
        <source>the server does not keep keywords in the folder %1, so work-order states cannot be shared there (its PERMANENTFLAGS lack \*)</source>
        <translation>der Server speichert keine Schlüsselwörter im Ordner %1, daher können Arbeitsauftragszustände dort nicht geteilt werden (seinen PERMANENTFLAGS fehlt \*)</translation>
    </message>
</context>
<context>
    <name>machina::WorkOrderId</name>
    <message>
        <source>{year} is given twice</source>
        <translation>{year} ist zweimal angegeben</translation>
    </message>
    <message>
        <source>{seq} is given twice</source>
        <translation>{seq} ist zweimal angegeben</translation>
    </message>
    <message>
        <source>%1 has no {seq}</source>
        <translation>%1 enthält kein {seq}</translation>
    </message>
    <message>
        <source>%1: only letters, digits and - _ / . # may surround {year} and {seq}</source>
        <translation>%1: Um {year} und {seq} dürfen nur Buchstaben, Ziffern und - _ / . # stehen</translation>
    </message>
    <message>
        <source>%1 needs some fixed text, or ids cannot be told from numbers</source>
        <translation>%1 braucht festen Text, sonst lassen sich IDs nicht von Zahlen unterscheiden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration such as 90s, 10m or 2h</source>
        <translation>„%1“ ist keine Dauer wie 90s, 10m oder 2h</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is out of range (1s to 30d)</source>
        <translation>„%1“ liegt außerhalb des Bereichs (1s bis 30d)</translation>
    </message>
</context>
<context>
    <name>machina::WorkOrderMirror</name>
    <message>
        <source>cannot keep work order %1</source>
        <translation>Arbeitsauftrag %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>cannot refresh the work orders</source>
        <translation>die Arbeitsaufträge können nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>cannot keep the work-order mark %1</source>
        <translation>die Arbeitsauftragsmarkierung %1 kann nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>machina::WorkOrderTracker</name>
    <message>
        <source>no work order %1</source>
        <translation>kein Arbeitsauftrag %1</translation>
    </message>
    <message>
        <source>work order %1 kept changing under us; try again</source>
        <translation>Arbeitsauftrag %1 wurde währenddessen ständig geändert; versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>a work order needs a technician to notify (--to)</source>
        <translation>ein Arbeitsauftrag braucht einen zu benachrichtigenden Techniker (--to)</translation>
    </message>
    <message>
        <source>a work order reaches at most %1 technicians (first plus escalations), not %2</source>
        <translation>ein Arbeitsauftrag erreicht höchstens %1 Techniker (erster plus Eskalationen), nicht %2</translation>
    </message>
    <message>
        <source>a work order needs an asset or a summary</source>
        <translation>ein Arbeitsauftrag braucht eine Anlage oder eine Zusammenfassung</translation>
    </message>
    <message>
        <source>could not claim a work-order id after %1 tries</source>
        <translation>nach %1 Versuchen konnte keine Arbeitsauftrags-ID belegt werden</translation>
    </message>
    <message>
        <source>cannot create a work order: the mail server cannot be reached to claim an id, and no id is reserved for offline use yet (one is, after a first work order or a console or dispatch run with the server reachable). Nothing was queued. (%1)</source>
        <translation>Arbeitsauftrag kann nicht erstellt werden: Der Mailserver ist nicht erreichbar, um eine ID zu belegen, und es ist noch keine ID für die Offline-Nutzung reserviert (das geschieht nach einem ersten Arbeitsauftrag oder einem Konsolen- oder Dispatch-Lauf bei erreichbarem Server). Es wurde nichts eingereiht. (%1)</translation>
    </message>
    <message>
        <source>work order %1, made offline, lost its reserved id; its notification went out under that id all the same</source>
        <translation>Arbeitsauftrag %1, offline erstellt, hat seine reservierte ID verloren; seine Benachrichtigung wurde trotzdem unter dieser ID versendet</translation>
    </message>
</context>
<context>
    <name>machina::cli::CheckCommand</name>
    <message>
        <source>Also send a probe to the account itself, time its arrival over IMAP and remove it (&quot;canary&quot;: {&quot;latency_ms&quot;: N} in the JSON).</source>
        <translation>Sendet zusätzlich eine Testnachricht an das Konto selbst, misst ihre Ankunft über IMAP und entfernt sie wieder (&quot;canary&quot;: {&quot;latency_ms&quot;: N} im JSON).</translation>
    </message>
</context>
<context>
    <name>machina::cli::CommandLine</name>
    <message>
        <source>Send a plain-text message, with attachments if any.</source>
        <translation>Sendet eine Nachricht als reinen Text, gegebenenfalls mit Anhängen.</translation>
    </message>
    <message>
        <source>Connect and print the connector&apos;s health as JSON (--canary: a probe mail end to end).</source>
        <translation>Verbindet sich und gibt den Zustand des Konnektors als JSON aus (--canary: eine Testnachricht von Ende zu Ende).</translation>
    </message>
    <message>
        <source>Walk the connection step by step (lookup, TCP, TLS, capabilities, sign-in, INBOX, IDLE).</source>
        <translation>Prüft die Verbindung Schritt für Schritt (Namensauflösung, TCP, TLS, Fähigkeiten, Anmeldung, INBOX, IDLE).</translation>
    </message>
    <message>
        <source>List the INBOX (newest first): uid, date, sender, subject, seen, attachments.</source>
        <translation>Listet den Posteingang auf (neueste zuerst): UID, Datum, Absender, Betreff, gelesen, Anhänge.</translation>
    </message>
    <message>
        <source>Hand each new message to a handler (--reply-text or --exec) and send its reply.</source>
        <translation>Übergibt jede neue Nachricht an einen Handler (--reply-text oder --exec) und sendet dessen Antwort.</translation>
    </message>
    <message>
        <source>List the outbox; &apos;outbox flush&apos; sends what is queued; &apos;outbox retry|cancel ID&apos;.</source>
        <translation>Listet den Postausgang auf; &apos;outbox flush&apos; sendet, was in der Warteschlange steht; &apos;outbox retry|cancel ID&apos;.</translation>
    </message>
    <message>
        <source>Sign in to Google (Gmail API mode); tokens go to the OS keychain.</source>
        <translation>Meldet Sie bei Google an (Gmail-API-Modus); die Tokens werden im Schlüsselbund des Systems abgelegt.</translation>
    </message>
    <message>
        <source>Sign in to the oauth2_provider (Microsoft 365, Google) for IMAP and SMTP; tokens go to the OS keychain.</source>
        <translation>Meldet Sie beim oauth2_provider (Microsoft 365, Google) für IMAP und SMTP an; die Tokens werden im Schlüsselbund des Systems abgelegt.</translation>
    </message>
    <message>
        <source>Keep the account&apos;s password in the OS keychain (read from stdin).</source>
        <translation>Speichert das Passwort des Kontos im Schlüsselbund des Systems (wird von stdin gelesen).</translation>
    </message>
    <message>
        <source>Claim a work-order id and notify a technician (--to), escalating if unacknowledged.</source>
        <translation>Vergibt eine Arbeitsauftragsnummer und benachrichtigt einen Techniker (--to); ohne Quittierung wird eskaliert.</translation>
    </message>
    <message>
        <source>List the work orders (--json, --open), as the mail server has them.</source>
        <translation>Listet die Arbeitsaufträge auf (--json, --open), wie sie auf dem Mailserver liegen.</translation>
    </message>
    <message>
        <source>Run the work-order tracker without a window until SIGTERM or SIGINT.</source>
        <translation>Führt die Verfolgung der Arbeitsaufträge ohne Fenster aus, bis SIGTERM oder SIGINT eintrifft.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run &apos;machina-mail COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>Mit &apos;machina-mail COMMAND --help&apos; erhalten Sie die Optionen eines Befehls.</translation>
    </message>
    <message>
        <source>Exit codes: 0 success; 1 failure or unhealthy; 2 usage or config error;
3 authentication failed; 4 network or TLS failure; 5 rejected by the server.</source>
        <extracomment>Keep the numbers: scripts branch on them. Break the lines where it reads well.</extracomment>
        <translation>Exit-Codes: 0 Erfolg; 1 Fehler oder nicht funktionsfähig;
2 Aufruf- oder Konfigurationsfehler; 3 Authentifizierung fehlgeschlagen;
4 Netzwerk- oder TLS-Fehler; 5 vom Server abgelehnt.</translation>
    </message>
    <message>
        <source>Send mail through the Machina connector.</source>
        <translation>Sendet E-Mails über den Machina-Konnektor.</translation>
    </message>
    <message>
        <source>Connector config (YAML). Default: $MACHINA_CONFIG, else %1.</source>
        <translation>Konfiguration des Konnektors (YAML). Standard: $MACHINA_CONFIG, sonst %1.</translation>
    </message>
    <message>
        <source>Print the protocol transcript to stderr (credentials are redacted).</source>
        <translation>Gibt das Protokoll der Kommunikation auf stderr aus (Zugangsdaten werden unkenntlich gemacht).</translation>
    </message>
    <message>
        <source>unexpected arguments: %1</source>
        <translation>unerwartete Argumente: %1</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; (try --help)</source>
        <translation>unbekannter Befehl &apos;%1&apos; (siehe --help)</translation>
    </message>
</context>
<context>
    <name>machina::cli::DispatchCommand</name>
    <message>
        <source>dispatch: cannot watch for signals</source>
        <translation>dispatch: Signale können nicht überwacht werden</translation>
    </message>
    <message>
        <source>%1 escalated to %2</source>
        <translation>%1 eskaliert an %2</translation>
    </message>
    <message>
        <source>%1 nobody acknowledged; no one left to escalate to</source>
        <translation>%1 von niemandem quittiert; niemand mehr übrig, an den eskaliert werden kann</translation>
    </message>
    <message>
        <source>%1 %2 from %3 -&gt; %4</source>
        <extracomment>%1 the work order, %2 the reply code (ACK, DONE...), %3 its sender, %4 the new state; codes and states stay as they are.</extracomment>
        <translation>%1 %2 von %3 -&gt; %4</translation>
    </message>
    <message>
        <source>reply from %1 to %2 ignored: %3</source>
        <translation>Antwort von %1 auf %2 ignoriert: %3</translation>
    </message>
    <message>
        <source>running; SIGTERM or SIGINT ends it</source>
        <translation>läuft; SIGTERM oder SIGINT beendet den Vorgang</translation>
    </message>
</context>
<context>
    <name>machina::cli::ExecHandler</name>
    <message>
        <source>the handler was killed or crashed</source>
        <translation>der Handler wurde abgebrochen oder ist abgestürzt</translation>
    </message>
    <message>
        <source>the handler exited with %1%2</source>
        <translation>der Handler wurde beendet mit %1%2</translation>
    </message>
    <message>
        <source>/bin/sh could not be started</source>
        <translation>/bin/sh konnte nicht gestartet werden</translation>
    </message>
</context>
<context>
    <name>machina::cli::InboxCommand</name>
    <message>
        <source>Only unseen messages.</source>
        <translation>Nur ungelesene Nachrichten.</translation>
    </message>
    <message>
        <source>At most N messages, the newest (default 50; 0: all).</source>
        <translation>Höchstens N Nachrichten, die neuesten (Standard 50; 0: alle).</translation>
    </message>
    <message>
        <source>Print a JSON array instead of a table.</source>
        <translation>Gibt ein JSON-Array statt einer Tabelle aus.</translation>
    </message>
    <message>
        <source>List what the local cache holds, without the network (the last listing&apos;s rows).</source>
        <translation>Listet auf, was der lokale Cache enthält, ohne Netzwerk (die Zeilen der letzten Auflistung).</translation>
    </message>
    <message>
        <source>inbox: --limit takes a whole number &gt;= 0</source>
        <translation>inbox: --limit erwartet eine ganze Zahl &gt;= 0</translation>
    </message>
    <message>
        <source>machina-mail: nothing is cached yet; run inbox once without --offline.</source>
        <translation>machina-mail: Noch ist nichts zwischengespeichert; führen Sie inbox einmal ohne --offline aus.</translation>
    </message>
    <message>
        <source>UID</source>
        <comment>column header</comment>
        <translation>UID</translation>
    </message>
    <message>
        <source>DATE</source>
        <comment>column header</comment>
        <translation>DATUM</translation>
    </message>
    <message>
        <source>FROM</source>
        <comment>column header</comment>
        <translation>VON</translation>
    </message>
    <message>
        <source>S A</source>
        <comment>column header</comment>
        <extracomment>Over two one-letter columns: N (not seen) and @ (attachments).</extracomment>
        <translation>G A</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <comment>column header</comment>
        <translation>BETREFF</translation>
    </message>
</context>
<context>
    <name>machina::cli::ListenCommand</name>
    <message>
        <source>not handled (%1), left unseen</source>
        <translation>nicht verarbeitet (%1), bleibt ungelesen</translation>
    </message>
    <message>
        <source>handled, no reply</source>
        <translation>verarbeitet, keine Antwort</translation>
    </message>
    <message>
        <source>handled, replied</source>
        <translation>verarbeitet, beantwortet</translation>
    </message>
    <message>
        <source>%1 from %2: %3</source>
        <extracomment>%1 is the message&apos;s id, %2 its sender, %3 what came of it (&quot;handled, replied&quot;).</extracomment>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <source>Handle what is unseen now, then exit (0: every handler succeeded).</source>
        <translation>Verarbeitet die jetzt ungelesenen Nachrichten und beendet sich dann (0: alle Handler erfolgreich).</translation>
    </message>
    <message>
        <source>Answer every message with TEXT.</source>
        <translation>Beantwortet jede Nachricht mit TEXT.</translation>
    </message>
    <message>
        <source>Run CMD (through sh) per message, the message as JSON on stdin; its stdout is the reply (empty: none); a non-zero exit leaves the message unseen.</source>
        <translation>Führt CMD (über sh) für jede Nachricht aus, mit der Nachricht als JSON auf stdin; dessen stdout ist die Antwort (leer: keine); ein Exit-Code ungleich null lässt die Nachricht ungelesen.</translation>
    </message>
    <message>
        <source>Poll every poll_interval even when the server offers IDLE.</source>
        <translation>Fragt alle poll_interval ab, auch wenn der Server IDLE anbietet.</translation>
    </message>
    <message>
        <source>listen: give exactly one of --reply-text TEXT or --exec CMD</source>
        <translation>listen: Geben Sie genau eines von --reply-text TEXT oder --exec CMD an</translation>
    </message>
    <message>
        <source>sending is not available yet (%1); replies wait until it is</source>
        <translation>Senden ist noch nicht verfügbar (%1); Antworten warten, bis es so weit ist</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird beendet</translation>
    </message>
    <message>
        <source>%1 received, %2 handled, %3 left unseen</source>
        <translation>%1 empfangen, %2 verarbeitet, %3 ungelesen belassen</translation>
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
        <translation>STATUS</translation>
    </message>
    <message>
        <source>TRIES</source>
        <comment>column header</comment>
        <translation>VERSUCHE</translation>
    </message>
    <message>
        <source>CREATED</source>
        <comment>column header</comment>
        <translation>ERSTELLT</translation>
    </message>
    <message>
        <source>TO</source>
        <comment>column header</comment>
        <translation>AN</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <comment>column header</comment>
        <translation>BETREFF</translation>
    </message>
    <message>
        <source>Sent %1, failed %2, still queued %3</source>
        <translation>Gesendet %1, fehlgeschlagen %2, noch in der Warteschlange %3</translation>
    </message>
    <message>
        <source>outbox %1: no entry %2 (give its Message-ID or its number from &apos;outbox&apos;)</source>
        <translation>outbox %1: kein Eintrag %2 (geben Sie seine Message-ID oder seine Nummer aus &apos;outbox&apos; an)</translation>
    </message>
    <message>
        <source>outbox %1: &lt;%2&gt; is %3: %4</source>
        <extracomment>%1 retry or cancel, %2 the Message-ID, %3 the entry&apos;s state (queued, sent...): commands and states stay as they are.</extracomment>
        <translation>outbox %1: &lt;%2&gt; ist %3: %4</translation>
    </message>
    <message>
        <source>Print a JSON array instead of a table.</source>
        <translation>Gibt ein JSON-Array statt einer Tabelle aus.</translation>
    </message>
    <message>
        <source>(none): list | flush | retry ID | cancel ID</source>
        <translation>(keine): list | flush | retry ID | cancel ID</translation>
    </message>
    <message>
        <source>outbox: use &apos;outbox&apos;, &apos;outbox flush&apos;, &apos;outbox retry ID&apos; or &apos;outbox cancel ID&apos;</source>
        <translation>outbox: Verwenden Sie &apos;outbox&apos;, &apos;outbox flush&apos;, &apos;outbox retry ID&apos; oder &apos;outbox cancel ID&apos;</translation>
    </message>
</context>
<context>
    <name>machina::cli::SendCommand</name>
    <message>
        <source>--text-file: cannot read %1: %2</source>
        <translation>--text-file: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--text-file: %1 is not UTF-8 text</source>
        <translation>--text-file: %1 ist kein UTF-8-Text</translation>
    </message>
    <message>
        <source>Recipient address; repeat for more.</source>
        <translation>Adresse des Empfängers; für weitere wiederholen.</translation>
    </message>
    <message>
        <source>Subject (default &quot;Machina Notification&quot;).</source>
        <translation>Betreff (Standard &quot;Machina Notification&quot;).</translation>
    </message>
    <message>
        <source>Message text.</source>
        <translation>Text der Nachricht.</translation>
    </message>
    <message>
        <source>Read the message text from F (- for stdin).</source>
        <translation>Liest den Text der Nachricht aus F (- für stdin).</translation>
    </message>
    <message>
        <source>Attach FILE; repeat for more.</source>
        <translation>Hängt FILE an; für weitere wiederholen.</translation>
    </message>
    <message>
        <source>Only queue the message in the outbox (no network); &apos;outbox flush&apos;, the console or listen send it.</source>
        <translation>Stellt die Nachricht nur in den Postausgang (ohne Netzwerk); &apos;outbox flush&apos;, die Konsole oder listen senden sie.</translation>
    </message>
    <message>
        <source>send: give at least one --to ADDR</source>
        <translation>send: Geben Sie mindestens ein --to ADDR an</translation>
    </message>
    <message>
        <source>send: give exactly one of --text T or --text-file F</source>
        <translation>send: Geben Sie genau eines von --text T oder --text-file F an</translation>
    </message>
    <message>
        <source>send --queue: the sender is not known without the network; set from_address (or username) in the config</source>
        <translation>send --queue: Ohne Netzwerk ist der Absender nicht bekannt; setzen Sie from_address (oder username) in der Konfiguration</translation>
    </message>
</context>
<context>
    <name>machina::cli::SignInCommand</name>
    <message>
        <source>Opening your browser for the %1 sign-in. If it does not open, visit:</source>
        <translation>Ihr Browser wird für die Anmeldung bei %1 geöffnet. Falls er sich nicht öffnet, rufen Sie auf:</translation>
    </message>
    <message>
        <source>Signed in to %1.</source>
        <translation>Bei %1 angemeldet.</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>Bei %1 als %2 angemeldet.</translation>
    </message>
    <message>
        <source>The tokens are in the OS keychain (service %1); the browser will not be needed again.</source>
        <translation>Die Tokens liegen im Schlüsselbund des Systems (Dienst %1); der Browser wird nicht mehr benötigt.</translation>
    </message>
    <message>
        <source>Print the sign-in URL (&quot;Open: URL&quot;) instead of opening a browser.</source>
        <translation>Gibt die Anmelde-URL aus (&quot;Open: URL&quot;), statt einen Browser zu öffnen.</translation>
    </message>
    <message>
        <source>gmail_credentials_file: not set; gmail-login is for the Gmail API mode (for IMAP and SMTP with OAuth, set oauth2_provider and run oauth-login)</source>
        <translation>gmail_credentials_file: nicht gesetzt; gmail-login ist für den Gmail-API-Modus (für IMAP und SMTP mit OAuth setzen Sie oauth2_provider und führen oauth-login aus)</translation>
    </message>
    <message>
        <source>oauth2_provider: not set; oauth-login signs in to IMAP and SMTP with OAuth (microsoft, google or custom)%1</source>
        <translation>oauth2_provider: nicht gesetzt; oauth-login meldet Sie bei IMAP und SMTP mit OAuth an (microsoft, google oder custom)%1</translation>
    </message>
    <message>
        <source>; for the Gmail API mode run gmail-login</source>
        <translation>; für den Gmail-API-Modus führen Sie gmail-login aus</translation>
    </message>
</context>
<context>
    <name>machina::cli::StorePasswordCommand</name>
    <message>
        <source>Password: </source>
        <translation>Passwort: </translation>
    </message>
    <message>
        <source>The account (default: username from the config).</source>
        <translation>Das Konto (Standard: username aus der Konfiguration).</translation>
    </message>
    <message>
        <source>Remove the stored password instead.</source>
        <translation>Entfernt stattdessen das gespeicherte Passwort.</translation>
    </message>
    <message>
        <source>store-password: no username (give --username or set username in the config)</source>
        <translation>store-password: kein Benutzername (geben Sie --username an oder setzen Sie username in der Konfiguration)</translation>
    </message>
    <message>
        <source>Removed the password of %1 from the keychain.</source>
        <translation>Das Passwort von %1 wurde aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>store-password: the password is empty; nothing stored</source>
        <translation>store-password: Das Passwort ist leer; nichts gespeichert</translation>
    </message>
    <message>
        <source>Stored the password of %1 in the keychain (service %2).</source>
        <translation>Das Passwort von %1 wurde im Schlüsselbund gespeichert (Dienst %2).</translation>
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
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>note</source>
        <extracomment>Starts the line of a step that only notes something; six letters at most.</extracomment>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Also send a test message to the account&apos;s own address.</source>
        <translation>Sendet zusätzlich eine Testnachricht an die eigene Adresse des Kontos.</translation>
    </message>
    <message>
        <source>Print the steps as a JSON array.</source>
        <translation>Gibt die Schritte als JSON-Array aus.</translation>
    </message>
</context>
<context>
    <name>machina::cli::WorkOrderCommand</name>
    <message>
        <source>%1: work orders need an IMAP account; the Gmail API mode has no folders to share them in</source>
        <translation>%1: Arbeitsaufträge benötigen ein IMAP-Konto; im Gmail-API-Modus gibt es keine Ordner, in denen sie geteilt werden können</translation>
    </message>
    <message>
        <source>The technician to notify: an address, or a name from the roster.</source>
        <translation>Der zu benachrichtigende Techniker: eine Adresse oder ein Name aus dem Dienstplan.</translation>
    </message>
    <message>
        <source>Who is notified next when nobody acknowledges in time; repeat for more, in order.</source>
        <translation>Wer als Nächstes benachrichtigt wird, wenn niemand rechtzeitig quittiert; für weitere der Reihe nach wiederholen.</translation>
    </message>
    <message>
        <source>Time to acknowledge (90s, 10m, 2h); default by priority: critical 5m, high 15m, normal 60m, low 4h.</source>
        <translation>Frist zum Quittieren (90s, 10m, 2h); Standard nach Priorität: critical 5m, high 15m, normal 60m, low 4h.</translation>
    </message>
    <message>
        <source>The asset tag (P-201).</source>
        <translation>Die Kennung der Anlage (P-201).</translation>
    </message>
    <message>
        <source>What is wrong, in a line.</source>
        <translation>Was nicht stimmt, in einer Zeile.</translation>
    </message>
    <message>
        <source>low, normal, high or critical (default normal, or the alarm&apos;s).</source>
        <translation>low, normal, high oder critical (Standard normal oder die des Alarms).</translation>
    </message>
    <message>
        <source>Take asset, summary and priority from this alarm mail (an id as &apos;inbox --json&apos; prints it); its text is quoted.</source>
        <translation>Übernimmt Anlage, Zusammenfassung und Priorität aus dieser Alarm-Mail (eine ID, wie &apos;inbox --json&apos; sie ausgibt); ihr Text wird zitiert.</translation>
    </message>
    <message>
        <source>Attach FILE to the notification; repeat for more.</source>
        <translation>Hängt FILE an die Benachrichtigung an; für weitere wiederholen.</translation>
    </message>
    <message>
        <source>Return once the notification is queued in the outbox.</source>
        <translation>Kehrt zurück, sobald die Benachrichtigung im Postausgang eingereiht ist.</translation>
    </message>
    <message>
        <source>workorder: the only action is &apos;workorder create&apos;</source>
        <translation>workorder: Die einzige Aktion ist &apos;workorder create&apos;</translation>
    </message>
    <message>
        <source>workorder create: give exactly one --to ADDR|NAME (more go with --escalate-to)</source>
        <translation>workorder create: Geben Sie genau ein --to ADDR|NAME an (weitere mit --escalate-to)</translation>
    </message>
    <message>
        <source>--priority: %1 is not low, normal, high or critical</source>
        <translation>--priority: %1 ist nicht low, normal, high oder critical</translation>
    </message>
    <message>
        <source>%1 is recorded; its notification waits in the outbox: %2</source>
        <translation>%1 ist erfasst; die Benachrichtigung wartet im Postausgang: %2</translation>
    </message>
</context>
<context>
    <name>machina::cli::WorkOrdersCommand</name>
    <message>
        <source>Print a JSON array.</source>
        <translation>Gibt ein JSON-Array aus.</translation>
    </message>
    <message>
        <source>Only those not done, rejected or cancelled.</source>
        <translation>Nur die, die weder erledigt noch abgelehnt oder storniert sind.</translation>
    </message>
</context>
</TS>
