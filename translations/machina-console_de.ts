<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AccessibleNames</name>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>%1 leeren</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
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
        <translation>Keine Aktion hat ein Tastenkürzel.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>The technician takes the job: the work order is acknowledged and is no longer escalated.</source>
        <translation>Der Techniker übernimmt den Auftrag: Der Arbeitsauftrag ist quittiert und nicht mehr eskaliert.</translation>
    </message>
    <message>
        <source>Work has started: the work order is in progress.</source>
        <translation>Die Arbeit hat begonnen: Der Arbeitsauftrag ist in Bearbeitung.</translation>
    </message>
    <message>
        <source>The job is finished: the work order is done.</source>
        <translation>Der Auftrag ist erledigt: Der Arbeitsauftrag ist abgeschlossen.</translation>
    </message>
    <message>
        <source>The technician cannot take the job: the next technician in the escalation chain is notified, or the work order is rejected when nobody is left.</source>
        <translation>Der Techniker kann den Auftrag nicht übernehmen: Der nächste Techniker der Eskalationskette wird benachrichtigt, oder der Arbeitsauftrag wird abgelehnt, wenn niemand mehr übrig ist.</translation>
    </message>
    <message>
        <source>Technicians answer a notification with one of these words as the first word of their reply (case does not matter; the rest of the line is kept as a comment).</source>
        <translation>Techniker beantworten eine Benachrichtigung mit einem dieser Wörter als erstem Wort ihrer Antwort (Groß-/Kleinschreibung spielt keine Rolle; der Rest der Zeile wird als Kommentar übernommen).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>(no words)</source>
        <translation>(keine Wörter)</translation>
    </message>
    <message>
        <source>Reply codes</source>
        <translation>Antwortcodes</translation>
    </message>
    <message>
        <source>Machina Console %1</source>
        <translation>Machina Console %1</translation>
    </message>
    <message>
        <source>A console for maintenance supervisors: alarm mails, work orders and the technicians&apos; replies.</source>
        <translation>Eine Konsole für Schichtleiter in der Instandhaltung: Alarm-Mails, Arbeitsaufträge und die Antworten der Techniker.</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>Erstellt mit:</translation>
    </message>
    <message>
        <source>%1, under the %2 licence</source>
        <translation>%1, unter der Lizenz %2</translation>
    </message>
    <message>
        <source>About Machina Console</source>
        <translation>Über Machina Console</translation>
    </message>
</context>
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
    <name>QLabel</name>
    <message>
        <source>Sending...</source>
        <translation>Wird gesendet...</translation>
    </message>
    <message>
        <source>The draft is kept: correct the problem and press Send again.</source>
        <translation>Der Entwurf bleibt erhalten: Beheben Sie das Problem und klicken Sie erneut auf Senden.</translation>
    </message>
</context>
<context>
    <name>SeverityDisplay</name>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
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
        <translation>Arbeitsaufträge werden für dieses Konto nicht mehr verfolgt</translation>
    </message>
</context>
<context>
    <name>WorkOrderDisplay</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Benachrichtigt</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1 T %2 h</translation>
    </message>
</context>
<context>
    <name>machina-console</name>
    <message>
        <source>%1

The console goes on without an outbox: messages are sent directly, and one that cannot be sent now is not kept to be sent later.</source>
        <translation>%1

Die Konsole läuft ohne Postausgang weiter: Nachrichten werden direkt gesendet, und eine Nachricht, die gerade nicht gesendet werden kann, wird nicht für einen späteren Versand aufbewahrt.</translation>
    </message>
    <message>
        <source>Machina Console: local store</source>
        <translation>Machina Console: lokaler Speicher</translation>
    </message>
    <message>
        <source>Work orders are not tracked: they need the local store.</source>
        <translation>Arbeitsaufträge werden nicht verfolgt: Dafür ist der lokale Speicher nötig.</translation>
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
    <name>machina::AddressBookDialog</name>
    <message>
        <source>Technicians&apos; address book</source>
        <translation>Adressbuch der Techniker</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>Techniker</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add a technician (Insert, Ctrl+N)</source>
        <translation>Techniker hinzufügen (Insert, Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Edit the selected technician (F2)</source>
        <translation>Ausgewählten Techniker bearbeiten (F2)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected technician (Delete)</source>
        <translation>Ausgewählten Techniker entfernen (Delete)</translation>
    </message>
    <message>
        <source>Jane Doe</source>
        <translation>Max Mustermann</translation>
    </message>
    <message>
        <source>jane.doe@plant.example</source>
        <translation>max.mustermann@plant.example</translation>
    </message>
    <message>
        <source>P-, HX- (empty: every asset)</source>
        <translation>P-, HX- (leer: jede Anlage)</translation>
    </message>
    <message>
        <source>The asset prefixes this technician covers, separated by commas. They are suggested first for alarms on those assets.</source>
        <translation>Die Anlagenpräfixe, für die dieser Techniker zuständig ist, durch Kommas getrennt. Er wird bei Alarmen zu diesen Anlagen zuerst vorgeschlagen.</translation>
    </message>
    <message>
        <source>Escalation order</source>
        <translation>Eskalationsreihenfolge</translation>
    </message>
    <message>
        <source>The default escalation order: lower numbers are notified first.</source>
        <translation>Die Standard-Eskalationsreihenfolge: Niedrigere Nummern werden zuerst benachrichtigt.</translation>
    </message>
    <message>
        <source>&amp;Technicians:</source>
        <translation>&amp;Techniker:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Area&amp;s:</source>
        <translation>Bere&amp;iche:</translation>
    </message>
    <message>
        <source>Escalat&amp;ion order:</source>
        <translation>Es&amp;kalationsreihenfolge:</translation>
    </message>
    <message>
        <source>enter an address</source>
        <translation>Geben Sie eine Adresse ein</translation>
    </message>
    <message>
        <source>the name must be a single line</source>
        <translation>der Name muss einzeilig sein</translation>
    </message>
    <message>
        <source>the name holds a control character</source>
        <translation>der Name enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <source>the address field takes the address alone, like jane.doe@plant.example</source>
        <translation>das Adressfeld nimmt nur die Adresse auf, etwa max.mustermann@plant.example</translation>
    </message>
    <message>
        <source>the name cannot be written before the address (%1)</source>
        <translation>der Name darf nicht vor der Adresse stehen (%1)</translation>
    </message>
    <message>
        <source>Entry %1 (%2): %3.</source>
        <translation>Eintrag %1 (%2): %3.</translation>
    </message>
    <message>
        <source>Entry %1: %2 is already in the book as entry %3.</source>
        <translation>Eintrag %1: %2 steht bereits als Eintrag %3 im Adressbuch.</translation>
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
    <name>machina::InboxModel</name>
    <message>
        <source>1 attachment</source>
        <translation>1 Anhang</translation>
    </message>
    <message>
        <source>%1 attachments</source>
        <translation>%1 Anhänge</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Kein Datum</translation>
    </message>
    <message>
        <source>No alarm</source>
        <translation>Kein Alarm</translation>
    </message>
    <message>
        <source>%1 (&quot;%2&quot; in the subject)</source>
        <translation>%1 („%2“ im Betreff)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Arbeitsauftrag</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Anlage</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
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
    <name>machina::MainWindow</name>
    <message>
        <source>Machina Console</source>
        <translation>Machina Console</translation>
    </message>
    <message>
        <source>Filter by sender, subject or work order (Ctrl+F)</source>
        <translation>Nach Absender, Betreff oder Arbeitsauftrag filtern (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter the inbox</source>
        <translation>Posteingang filtern</translation>
    </message>
    <message>
        <source>All mail</source>
        <translation>Alle Mails</translation>
    </message>
    <message>
        <source>Alarms of any severity</source>
        <translation>Alarme jedes Schweregrads</translation>
    </message>
    <message>
        <source>Warning or worse</source>
        <translation>Warnung oder schlimmer</translation>
    </message>
    <message>
        <source>Alarm or worse</source>
        <translation>Alarm oder schlimmer</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Nur kritisch</translation>
    </message>
    <message>
        <source>Minimum severity shown</source>
        <translation>Angezeigter Mindestschweregrad</translation>
    </message>
    <message>
        <source>Show only alarm mails of this severity or worse (Alt+E)</source>
        <translation>Nur Alarm-Mails dieses oder eines höheren Schweregrads anzeigen (Alt+E)</translation>
    </message>
    <message>
        <source>P-201 or P-</source>
        <translation>P-201 oder P-</translation>
    </message>
    <message>
        <source>Asset shown</source>
        <translation>Angezeigte Anlage</translation>
    </message>
    <message>
        <source>Show only alarms on assets that start with this (Alt+S)</source>
        <translation>Nur Alarme zu Anlagen anzeigen, die hiermit beginnen (Alt+L)</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>The messages, newest first; the selected one is shown below</source>
        <translation>Die Nachrichten, neueste zuerst; die ausgewählte wird unten angezeigt</translation>
    </message>
    <message>
        <source>S&amp;everity:</source>
        <translation>Schw&amp;eregrad:</translation>
    </message>
    <message>
        <source>A&amp;sset:</source>
        <translation>An&amp;lage:</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Aktivitätsprotokoll</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Arbeitsaufträge</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Sent &lt;%1&gt; to %2</source>
        <translation>&lt;%1&gt; an %2 gesendet</translation>
    </message>
    <message>
        <source>&lt;%1&gt; could not be sent; it stays in the outbox as failed: %2</source>
        <translation>&lt;%1&gt; konnte nicht gesendet werden; es bleibt als fehlgeschlagen im Postausgang: %2</translation>
    </message>
    <message>
        <source>Inbox not watched</source>
        <translation>Posteingang nicht überwacht</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Inbox: %1</source>
        <translation>Posteingang: %1</translation>
    </message>
    <message>
        <source>&amp;Notify technician...</source>
        <translation>Techniker be&amp;nachrichtigen...</translation>
    </message>
    <message>
        <source>&amp;Reply...</source>
        <translation>&amp;Antworten...</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>Als &amp;ungelesen markieren</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>&amp;Technicians...</source>
        <translation>&amp;Techniker...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Postausgang</translation>
    </message>
    <message>
        <source>&amp;Work orders</source>
        <translation>&amp;Arbeitsaufträge</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Reply codes</source>
        <translation>&amp;Antwortcodes</translation>
    </message>
    <message>
        <source>&amp;About Machina Console</source>
        <translation>Ü&amp;ber Machina Console</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Work orders are tracked for IMAP accounts. This account sends plain notifications: Notify technician (Ctrl+N) still works.</source>
        <translation>Arbeitsaufträge werden für IMAP-Konten verfolgt. Dieses Konto sendet einfache Benachrichtigungen: „Techniker benachrichtigen“ (Ctrl+N) funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>%1 escalated to %2: nobody acknowledged in time</source>
        <translation>%1 an %2 eskaliert: Niemand hat rechtzeitig quittiert</translation>
    </message>
    <message>
        <source>Reply from %1 to %2: %3 now</source>
        <translation>Antwort von %1 zu %2: jetzt %3</translation>
    </message>
    <message>
        <source>Reply from %1 to %2 ignored: %3</source>
        <translation>Antwort von %1 zu %2 ignoriert: %3</translation>
    </message>
    <message>
        <source>Work orders: %1</source>
        <translation>Arbeitsaufträge: %1</translation>
    </message>
    <message>
        <source>Open the work orders (%1)</source>
        <translation>Arbeitsaufträge öffnen (%1)</translation>
    </message>
    <message>
        <source>%1 could not be cancelled: %2</source>
        <translation>%1 konnte nicht storniert werden: %2</translation>
    </message>
    <message>
        <source>%1 is cancelled.</source>
        <translation>%1 ist storniert.</translation>
    </message>
    <message>
        <source>Open the outbox (%1)</source>
        <translation>Postausgang öffnen (%1)</translation>
    </message>
    <message>
        <source>Shown from the local cache; checking the server</source>
        <translation>Aus dem lokalen Cache angezeigt; Server wird geprüft</translation>
    </message>
    <message>
        <source>Listing the inbox</source>
        <translation>Posteingang wird aufgelistet</translation>
    </message>
    <message>
        <source>Checking the inbox</source>
        <translation>Posteingang wird geprüft</translation>
    </message>
    <message>
        <source>Listed %L1 of %L2</source>
        <translation>%L1 von %L2 aufgelistet</translation>
    </message>
    <message>
        <source>Could not refresh the inbox: %1</source>
        <translation>Posteingang konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Not refreshed</source>
        <translation>Nicht aktualisiert</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s), the first: %1</source>
        <translation>
            <numerusform>%n neue Nachricht: %1</numerusform>
            <numerusform>%n neue Nachrichten, die erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Last poll %1</source>
        <translation>Letzte Abfrage %1</translation>
    </message>
    <message>
        <source>Opening the message</source>
        <translation>Nachricht wird geöffnet</translation>
    </message>
    <message>
        <source>Could not open the message: %1</source>
        <translation>Nachricht konnte nicht geöffnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not mark %n message(s): %1</source>
        <translation>
            <numerusform>%n Nachricht konnte nicht markiert werden: %1</numerusform>
            <numerusform>%n Nachrichten konnten nicht markiert werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending the notification</source>
        <translation>Benachrichtigung wird gesendet</translation>
    </message>
    <message>
        <source>Notification &quot;%1&quot; not sent: %2</source>
        <translation>Benachrichtigung „%1“ nicht gesendet: %2</translation>
    </message>
    <message>
        <source>Notification &quot;%1&quot; is in the outbox and will be sent when the server answers. Not sent now: %2</source>
        <translation>Benachrichtigung „%1“ liegt im Postausgang und wird gesendet, sobald der Server antwortet. Jetzt nicht gesendet: %2</translation>
    </message>
    <message>
        <source>Notified %1: %2</source>
        <translation>%1 benachrichtigt: %2</translation>
    </message>
    <message>
        <source>Creating the work order</source>
        <translation>Arbeitsauftrag wird erstellt</translation>
    </message>
    <message>
        <source>Work order &quot;%1&quot; not created: %2</source>
        <translation>Arbeitsauftrag „%1“ nicht erstellt: %2</translation>
    </message>
    <message>
        <source>%1 for %2 is in the outbox; other consoles see it once it is sent.</source>
        <translation>%1 für %2 liegt im Postausgang; andere Konsolen sehen ihn, sobald er gesendet ist.</translation>
    </message>
    <message>
        <source>%1 Not sent now: %2</source>
        <translation>%1 Jetzt nicht gesendet: %2</translation>
    </message>
    <message>
        <source>%1 sent to %2</source>
        <translation>%1 an %2 gesendet</translation>
    </message>
    <message>
        <source>Select a message to reply to.</source>
        <translation>Wählen Sie eine Nachricht aus, auf die Sie antworten möchten.</translation>
    </message>
    <message>
        <source>Sending the reply</source>
        <translation>Antwort wird gesendet</translation>
    </message>
    <message>
        <source>Reply &quot;%1&quot; not sent: %2</source>
        <translation>Antwort „%1“ nicht gesendet: %2</translation>
    </message>
    <message>
        <source>Reply &quot;%1&quot; is in the outbox and will be sent when the server answers. Not sent now: %2</source>
        <translation>Antwort „%1“ liegt im Postausgang und wird gesendet, sobald der Server antwortet. Jetzt nicht gesendet: %2</translation>
    </message>
    <message>
        <source>Replied to %1: %2</source>
        <translation>Antwort an %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Address book saved: %n technician(s)</source>
        <translation>
            <numerusform>Adressbuch gespeichert: %n Techniker</numerusform>
            <numerusform>Adressbuch gespeichert: %n Techniker</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is in the outbox and will be sent when the server answers.</source>
        <translation>„%1“ liegt im Postausgang und wird gesendet, sobald der Server antwortet.</translation>
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
    <name>machina::MessageView</name>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>&amp;Plain text</source>
        <translation>&amp;Nur Text</translation>
    </message>
    <message>
        <source>Show the message&apos;s plain text instead of its formatted version</source>
        <translation>Den reinen Text der Nachricht statt ihrer formatierten Fassung anzeigen</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>&amp;Save as...</source>
        <translation>&amp;Speichern unter...</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Anhänge:</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>unbekannter Typ</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Could not save the attachment to %1: %2. Choose another folder.</source>
        <translation>Der Anhang konnte nicht unter %1 gespeichert werden: %2. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Could not write the attachment to %1: %2. Check the free space and try again.</source>
        <translation>Der Anhang konnte nicht nach %1 geschrieben werden: %2. Prüfen Sie den freien Speicherplatz und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>machina::NotifyTechnicianDialog</name>
    <message>
        <source>Notify technician</source>
        <translation>Techniker benachrichtigen</translation>
    </message>
    <message>
        <source>Name &lt;address&gt; or address</source>
        <translation>Name &lt;Adresse&gt; oder Adresse</translation>
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
        <translation>Was ist defekt, was ist zu prüfen, Sicherheitshinweise</translation>
    </message>
    <message>
        <source>Name &lt;address&gt;; Name &lt;address&gt;</source>
        <translation>Name &lt;Adresse&gt;; Name &lt;Adresse&gt;</translation>
    </message>
    <message>
        <source>Escalation list</source>
        <translation>Eskalationsliste</translation>
    </message>
    <message>
        <source>Notified in turn, separated by &quot;;&quot;, when nobody acknowledges in time</source>
        <translation>Der Reihe nach benachrichtigt, getrennt durch „;“, wenn niemand rechtzeitig quittiert</translation>
    </message>
    <message>
        <source>vibration 9.2 mm/s (limit 8.4)</source>
        <translation>Vibration 9,2 mm/s (Grenzwert 8,4)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>15m</source>
        <translation>15m</translation>
    </message>
    <message>
        <source>Acknowledge within</source>
        <translation>Quittieren innerhalb</translation>
    </message>
    <message>
        <source>How long the technician has to acknowledge before the next one is notified: 90s, 15m, 2h, 1d</source>
        <translation>Wie lange der Techniker Zeit zum Quittieren hat, bevor der nächste benachrichtigt wird: 90s, 15m, 2h, 1d</translation>
    </message>
    <message>
        <source>Alarm text, as the notification quotes it</source>
        <translation>Alarmtext, wie ihn die Benachrichtigung zitiert</translation>
    </message>
    <message>
        <source>The work order gets its id when it is created. A work order queued while offline becomes visible to other consoles once it is sent.</source>
        <translation>Der Arbeitsauftrag erhält seine ID bei der Erstellung. Ein offline eingereihter Arbeitsauftrag wird für andere Konsolen sichtbar, sobald er gesendet ist.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Attac&amp;h PDF...</source>
        <translation>PDF an&amp;hängen...</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send the notification (Return, Ctrl+Return)</source>
        <translation>Benachrichtigung senden (Return, Ctrl+Return)</translation>
    </message>
    <message>
        <source>&amp;Technician:</source>
        <translation>&amp;Techniker:</translation>
    </message>
    <message>
        <source>Then &amp;escalate to:</source>
        <translation>Dann &amp;eskalieren an:</translation>
    </message>
    <message>
        <source>&amp;Work order:</source>
        <translation>&amp;Arbeitsauftrag:</translation>
    </message>
    <message>
        <source>&amp;Asset:</source>
        <translation>Anla&amp;ge:</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>&amp;Zusammenfassung:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge within:</source>
        <translation>&amp;Quittieren innerhalb:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>A&amp;larm:</source>
        <translation>Ala&amp;rm:</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Anhang:</translation>
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation>&amp;Vorschau:</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Notfall</translation>
    </message>
    <message>
        <source>New work order</source>
        <translation>Neuer Arbeitsauftrag</translation>
    </message>
    <message>
        <source>Your words for the technician, above the quoted alarm (optional)</source>
        <translation>Ihre Worte an den Techniker, über dem zitierten Alarm (optional)</translation>
    </message>
    <message>
        <source>(priority %1)</source>
        <translation>(Priorität %1)</translation>
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
        <translation>Hallo {technician},

ein Instandhaltungsauftrag wartet auf Sie.

Arbeitsauftrag: {work_order}
Anlage: {asset}
Priorität: {priority}
Anhang: {attachment}

Beschreibung:
{description}

Bitte bestätigen Sie durch eine Antwort auf diese Nachricht.
</translation>
    </message>
    <message>
        <source>Only PDF files can be attached: &quot;%1&quot; is not a .pdf file.</source>
        <translation>Nur PDF-Dateien können angehängt werden: „%1“ ist keine .pdf-Datei.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PDF document: it has no %PDF- header.</source>
        <translation>„%1“ ist kein PDF-Dokument: Es hat keinen %PDF--Header.</translation>
    </message>
    <message>
        <source>Attach a PDF work order</source>
        <translation>PDF-Arbeitsauftrag anhängen</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf *.PDF)</source>
        <translation>PDF-Dokumente (*.pdf *.PDF)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Technician: %1.</source>
        <translation>Techniker: %1.</translation>
    </message>
    <message>
        <source>Escalation: &quot;%1&quot;: %2. Separate technicians with &quot;;&quot;.</source>
        <translation>Eskalation: „%1“: %2. Trennen Sie Techniker mit „;“.</translation>
    </message>
    <message>
        <source>Escalation: %1 is in the chain twice.</source>
        <translation>Eskalation: %1 kommt zweimal in der Kette vor.</translation>
    </message>
    <message>
        <source>Escalation: at most %1 technicians take part in one work order (the first and %2 more).</source>
        <translation>Eskalation: Höchstens %1 Techniker nehmen an einem Arbeitsauftrag teil (der erste und %2 weitere).</translation>
    </message>
    <message>
        <source>Acknowledge within: %1 (like 15m, 2h or 90s).</source>
        <translation>Quittieren innerhalb: %1 (etwa 15m, 2h oder 90s).</translation>
    </message>
    <message>
        <source>Work order: &quot;%1&quot; is not a work-order id like WO-2026-42.</source>
        <translation>Arbeitsauftrag: „%1“ ist keine Arbeitsauftrags-ID wie WO-2026-42.</translation>
    </message>
    <message>
        <source>Technician: choose one from the address book or type an address.</source>
        <translation>Techniker: Wählen Sie einen aus dem Adressbuch oder geben Sie eine Adresse ein.</translation>
    </message>
    <message>
        <source>Asset: enter the asset tag, like P-201.</source>
        <translation>Anlage: Geben Sie die Anlagenkennung ein, etwa P-201.</translation>
    </message>
    <message>
        <source>Summary: say in a few words what is wrong.</source>
        <translation>Zusammenfassung: Beschreiben Sie in wenigen Worten, was defekt ist.</translation>
    </message>
    <message>
        <source>Work order: enter its id, like WO-2026-42.</source>
        <translation>Arbeitsauftrag: Geben Sie seine ID ein, etwa WO-2026-42.</translation>
    </message>
    <message>
        <source>Description: say what the technician should do.</source>
        <translation>Beschreibung: Geben Sie an, was der Techniker tun soll.</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>Techniker</translation>
    </message>
    <message>
        <source>work order</source>
        <translation>Arbeitsauftrag</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>Anlage</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>To send, fill in: %1.</source>
        <translation>Zum Senden ausfüllen: %1.</translation>
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
        <translation>Arbeitsauftrag erstellen und Techniker benachrichtigen (Return, Ctrl+Return)</translation>
    </message>
    <message>
        <source>To: %1
Subject: %2

%3</source>
        <translation>An: %1
Betreff: %2

%3</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <source>Not acknowledged within %1: you are told; nobody else is notified.</source>
        <translation>Nicht innerhalb von %1 quittiert: Sie werden informiert; sonst wird niemand benachrichtigt.</translation>
    </message>
    <message>
        <source>Not acknowledged within %1: %2, in this order.</source>
        <translation>Nicht innerhalb von %1 quittiert: %2, in dieser Reihenfolge.</translation>
    </message>
    <message>
        <source>Work order: its id is given when it is created</source>
        <translation>Arbeitsauftrag: Die ID wird bei der Erstellung vergeben</translation>
    </message>
    <message>
        <source>Asset: %1</source>
        <translation>Anlage: %1</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Priorität: %1</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>Zusammenfassung: %1</translation>
    </message>
    <message>
        <source>Attachment: %1</source>
        <translation>Anhang: %1</translation>
    </message>
    <message>
        <source>The notification was not sent: %1</source>
        <translation>Die Benachrichtigung wurde nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>machina::OAuthSettingsPanel</name>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
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
        <translation>Anderer OAuth-Anbieter</translation>
    </message>
    <message>
        <source>Microsoft 365 and Google Workspace refuse passwords for IMAP and SMTP more and more; OAuth signs in through the browser once and keeps the tokens in the system keychain.</source>
        <translation>Microsoft 365 und Google Workspace lehnen Passwörter für IMAP und SMTP zunehmend ab; mit OAuth melden Sie sich einmal über den Browser an, und die Tokens werden im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>the application (client) id of a desktop app registration</source>
        <translation>die Anwendungs-ID (Client-ID) einer Desktop-App-Registrierung</translation>
    </message>
    <message>
        <source>organizations, common, consumers, your tenant id or your domain</source>
        <translation>organizations, common, consumers, Ihre Mandanten-ID oder Ihre Domain</translation>
    </message>
    <message>
        <source>optional: client_secret_….json of a Desktop app client</source>
        <translation>optional: client_secret_….json eines Desktop-App-Clients</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Browse for the OAuth client file</source>
        <translation>Nach der OAuth-Client-Datei suchen</translation>
    </message>
    <message>
        <source>space-separated, e.g. offline_access mail</source>
        <translation>durch Leerzeichen getrennt, z. B. offline_access mail</translation>
    </message>
    <message>
        <source>Sign in with the pro&amp;vider</source>
        <translation>Beim Anbieter &amp;anmelden</translation>
    </message>
    <message>
        <source>Opens the provider&apos;s sign-in page in your browser; the tokens go to the system keychain.</source>
        <translation>Öffnet die Anmeldeseite des Anbieters in Ihrem Browser; die Tokens werden im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>Authenti&amp;fizierung:</translation>
    </message>
    <message>
        <source>Client I&amp;D:</source>
        <translation>C&amp;lient-ID:</translation>
    </message>
    <message>
        <source>A&amp;zure tenant:</source>
        <translation>A&amp;zure-Mandant:</translation>
    </message>
    <message>
        <source>Client secret fi&amp;le:</source>
        <translation>Client-Secret-&amp;Datei:</translation>
    </message>
    <message>
        <source>Aut&amp;horize URL:</source>
        <translation>Autorisierun&amp;gs-URL:</translation>
    </message>
    <message>
        <source>To&amp;ken URL:</source>
        <translation>To&amp;ken-URL:</translation>
    </message>
    <message>
        <source>Re&amp;quested scopes:</source>
        <translation>Angeforderte &amp;Scopes:</translation>
    </message>
    <message>
        <source>OAuth client file</source>
        <translation>OAuth-Client-Datei</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>“Sign in” in the account settings</source>
        <translation>„Anmelden“ in den Kontoeinstellungen</translation>
    </message>
    <message>
        <source>choose how to sign in first</source>
        <translation>wählen Sie zuerst die Anmeldeart</translation>
    </message>
    <message>
        <source>Cannot sign in yet: %1</source>
        <translation>Anmeldung noch nicht möglich: %1</translation>
    </message>
    <message>
        <source>Sign in on the page that opened in your browser. If none opened, open this address:
%1</source>
        <translation>Melden Sie sich auf der Seite an, die sich in Ihrem Browser geöffnet hat. Falls sich keine geöffnet hat, öffnen Sie diese Adresse:
%1</translation>
    </message>
    <message>
        <source>Starting the sign-in…</source>
        <translation>Anmeldung wird gestartet…</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
    <message>
        <source>Signed in as %1. The tokens are kept in the system keychain.</source>
        <translation>Angemeldet als %1. Die Tokens werden im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
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
    <name>machina::OutboxModel</name>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Server reply: %1</source>
        <translation>Serverantwort: %1</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>Nächster Versuch: %1</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Gesendet: %1</translation>
    </message>
    <message>
        <source>Sent again after the console stopped while sending it: the recipient may get it twice.</source>
        <translation>Erneut gesendet, nachdem die Konsole während des Sendens beendet wurde: Der Empfänger erhält sie möglicherweise doppelt.</translation>
    </message>
    <message>
        <source>Message-ID: &lt;%1&gt;</source>
        <translation>Message-ID: &lt;%1&gt;</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Last error / server reply</source>
        <translation>Letzter Fehler / Serverantwort</translation>
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
    <name>machina::OutboxView</name>
    <message>
        <source>Re&amp;try now</source>
        <translation>&amp;Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Stornieren</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Messages waiting to be sent, sent, failed and cancelled, newest first</source>
        <translation>Nachrichten, die auf den Versand warten, gesendet, fehlgeschlagen oder storniert sind, neueste zuerst</translation>
    </message>
    <message>
        <source>Queue the selected messages again and try to send them now</source>
        <translation>Ausgewählte Nachrichten erneut einreihen und jetzt zu senden versuchen</translation>
    </message>
    <message>
        <source>Never send the selected messages</source>
        <translation>Ausgewählte Nachrichten niemals senden</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Senden stornieren</translation>
    </message>
    <message>
        <source>No outbox: the local store is not open, so messages are sent directly and none is kept while the server cannot be reached.</source>
        <translation>Kein Postausgang: Der lokale Speicher ist nicht geöffnet, daher werden Nachrichten direkt gesendet und keine wird aufbewahrt, solange der Server nicht erreichbar ist.</translation>
    </message>
    <message>
        <source>No messages waiting in the outbox.</source>
        <translation>Keine Nachrichten warten im Postausgang.</translation>
    </message>
    <message>
        <source>The outbox could not be read: %1</source>
        <translation>Der Postausgang konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be queued again: %2</source>
        <translation>„%1“ konnte nicht erneut eingereiht werden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is queued again and sent as soon as the server answers.</source>
        <translation>„%1“ ist erneut eingereiht und wird gesendet, sobald der Server antwortet.</translation>
    </message>
    <message numerus="yes">
        <source>%n messages are queued again and sent as soon as the server answers.</source>
        <translation>
            <numerusform>%n Nachricht ist erneut eingereiht und wird gesendet, sobald der Server antwortet.</numerusform>
            <numerusform>%n Nachrichten sind erneut eingereiht und werden gesendet, sobald der Server antwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel &quot;%1&quot;? It will never be sent.</source>
        <translation>„%1“ stornieren? Die Nachricht wird niemals gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n messages? They will never be sent.</source>
        <translation>
            <numerusform>%n Nachricht stornieren? Sie wird niemals gesendet.</numerusform>
            <numerusform>%n Nachrichten stornieren? Sie werden niemals gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be cancelled: %2</source>
        <translation>„%1“ konnte nicht storniert werden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is cancelled: it will not be sent.</source>
        <translation>„%1“ ist storniert: Die Nachricht wird nicht gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n messages are cancelled: they will not be sent.</source>
        <translation>
            <numerusform>%n Nachricht ist storniert: Sie wird nicht gesendet.</numerusform>
            <numerusform>%n Nachrichten sind storniert: Sie werden nicht gesendet.</numerusform>
        </translation>
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
    <name>machina::ReplyDialog</name>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>the sender</source>
        <translation>der Absender</translation>
    </message>
    <message>
        <source>%1 wrote:</source>
        <translation>%1 schrieb:</translation>
    </message>
    <message>
        <source>On %1, %2 wrote:</source>
        <translation>Am %1 schrieb %2:</translation>
    </message>
    <message>
        <source>To: the message has no address a reply can go to.</source>
        <translation>An: Die Nachricht hat keine Adresse, an die eine Antwort gehen kann.</translation>
    </message>
    <message>
        <source>Message: write your reply.</source>
        <translation>Nachricht: Schreiben Sie Ihre Antwort.</translation>
    </message>
    <message>
        <source>Message: write your reply above the quote.</source>
        <translation>Nachricht: Schreiben Sie Ihre Antwort über dem Zitat.</translation>
    </message>
    <message>
        <source>To: %1, so it is left out.</source>
        <translation>An: %1, daher wird sie weggelassen.</translation>
    </message>
    <message>
        <source>Send the reply (Ctrl+Return)</source>
        <translation>Antwort senden (Ctrl+Return)</translation>
    </message>
    <message>
        <source>The reply was not sent: %1</source>
        <translation>Die Antwort wurde nicht gesendet: %1</translation>
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
    <name>machina::SettingsDialog</name>
    <message>
        <source>Account Settings</source>
        <translation>Kontoeinstellungen</translation>
    </message>
    <message>
        <source>&amp;Mail server (SMTP/IMAP)</source>
        <translation>&amp;Mailserver (SMTP/IMAP)</translation>
    </message>
    <message>
        <source>&amp;Google account</source>
        <translation>&amp;Google-Konto</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in a settings file.</source>
        <translation>Im Schlüsselbund des Systems gespeichert, niemals in einer Einstellungsdatei.</translation>
    </message>
    <message>
        <source>the user name</source>
        <translation>der Benutzername</translation>
    </message>
    <message>
        <source>Use TLS from the first &amp;byte (ports 465/993)</source>
        <translation>TLS ab dem ersten &amp;Byte verwenden (Ports 465/993)</translation>
    </message>
    <message>
        <source>Unchecked: the connection starts plain and is upgraded with STARTTLS before anything else is sent. Mail is never sent or read in plain text.</source>
        <translation>Nicht markiert: Die Verbindung beginnt unverschlüsselt und wird mit STARTTLS hochgestuft, bevor irgendetwas anderes gesendet wird. Mail wird niemals im Klartext gesendet oder gelesen.</translation>
    </message>
    <message>
        <source>Unchecked means STARTTLS (ports 587/143); never plain text.</source>
        <translation>Nicht markiert bedeutet STARTTLS (Ports 587/143); niemals Klartext.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>optional: extra trusted CA certificates (PEM)</source>
        <translation>optional: zusätzliche vertrauenswürdige CA-Zertifikate (PEM)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Sends a probe mail to this account and waits for it over IMAP, to show the round trip in the health; the probe is deleted at once.</source>
        <translation>Sendet eine Prüfmail an dieses Konto und wartet per IMAP auf sie, um die Umlaufzeit im Zustand anzuzeigen; die Prüfmail wird sofort gelöscht.</translation>
    </message>
    <message>
        <source>End-to-end check interval</source>
        <translation>Intervall der Ende-zu-Ende-Prüfung</translation>
    </message>
    <message>
        <source>SM&amp;TP host:</source>
        <translation>SM&amp;TP-Host:</translation>
    </message>
    <message>
        <source>SMTP p&amp;ort:</source>
        <translation>SMTP-P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;IMAP host:</source>
        <translation>&amp;IMAP-Host:</translation>
    </message>
    <message>
        <source>IMAP po&amp;rt:</source>
        <translation>IMAP-Po&amp;rt:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Ben&amp;utzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;From address:</source>
        <translation>Absen&amp;deradresse:</translation>
    </message>
    <message>
        <source>Poll i&amp;nterval:</source>
        <translation>Abfragei&amp;ntervall:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>&amp;Step timeout:</source>
        <translation>&amp;Schritt-Timeout:</translation>
    </message>
    <message>
        <source>&amp;End-to-end check every:</source>
        <translation>&amp;Ende-zu-Ende-Prüfung alle:</translation>
    </message>
    <message>
        <source>client_secret_….json from the Google Cloud console</source>
        <translation>client_secret_….json aus der Google Cloud Console</translation>
    </message>
    <message>
        <source>Sign &amp;in with Google</source>
        <translation>Mit Google &amp;anmelden</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>OAuth &amp;client file:</source>
        <translation>OAuth-&amp;Client-Datei:</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Walks the connection step by step with the values as typed: name lookup, TCP, TLS and certificate, capabilities, sign-in, INBOX, IDLE.</source>
        <translation>Prüft die Verbindung Schritt für Schritt mit den eingegebenen Werten: Namensauflösung, TCP, TLS und Zertifikat, Fähigkeiten, Anmeldung, INBOX, IDLE.</translation>
    </message>
    <message>
        <source>Also send a test message to m&amp;yself</source>
        <translation>Auch eine Testnachricht an mic&amp;h senden</translation>
    </message>
    <message>
        <source>Connection test results</source>
        <translation>Ergebnisse des Verbindungstests</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Google OAuth client file</source>
        <translation>Google-OAuth-Client-Datei</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The password could not be saved in the system keychain: %1</source>
        <translation>Das Passwort konnte nicht im Schlüsselbund des Systems gespeichert werden: %1</translation>
    </message>
    <message>
        <source>“Sign in with Google”</source>
        <translation>„Mit Google anmelden“</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test läuft…</translation>
    </message>
    <message>
        <source>The test failed: see the first ✗ above.</source>
        <translation>Der Test ist fehlgeschlagen: siehe das erste ✗ oben.</translation>
    </message>
    <message>
        <source>Every step passed.</source>
        <translation>Alle Schritte erfolgreich.</translation>
    </message>
    <message>
        <source>Choose the OAuth client file first (a &quot;Desktop app&quot; client from the Google Cloud console).</source>
        <translation>Wählen Sie zuerst die OAuth-Client-Datei (einen Client vom Typ „Desktop-App“ aus der Google Cloud Console).</translation>
    </message>
    <message>
        <source>gmail_credentials_file: not set</source>
        <translation>gmail_credentials_file: nicht gesetzt</translation>
    </message>
    <message>
        <source>Sign in on the page that opened in your browser. If none opened, open this address:
%1</source>
        <translation>Melden Sie sich auf der Seite an, die sich in Ihrem Browser geöffnet hat. Falls sich keine geöffnet hat, öffnen Sie diese Adresse:
%1</translation>
    </message>
    <message>
        <source>Starting Google sign-in…</source>
        <translation>Google-Anmeldung wird gestartet…</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
    <message>
        <source>Signed in as %1. The tokens are kept in the system keychain.</source>
        <translation>Angemeldet als %1. Die Tokens werden im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
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
    <name>machina::TrayHealth</name>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Notify technician...</source>
        <translation>Techniker be&amp;nachrichtigen...</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>%1 — starting</source>
        <translation>%1 — wird gestartet</translation>
    </message>
    <message>
        <source>Mail is flowing again</source>
        <translation>Mail fließt wieder</translation>
    </message>
    <message>
        <source>Mail connection degraded</source>
        <translation>Mailverbindung beeinträchtigt</translation>
    </message>
    <message>
        <source>Mail connection down</source>
        <translation>Mailverbindung ausgefallen</translation>
    </message>
    <message>
        <source>1 message waiting in the outbox</source>
        <translation>1 Nachricht wartet im Postausgang</translation>
    </message>
    <message numerus="yes">
        <source>%n messages waiting in the outbox</source>
        <translation>
            <numerusform>%n Nachricht wartet im Postausgang</numerusform>
            <numerusform>%n Nachrichten warten im Postausgang</numerusform>
        </translation>
    </message>
    <message>
        <source>1 work order not yet acknowledged</source>
        <translation>1 Arbeitsauftrag noch nicht quittiert</translation>
    </message>
    <message numerus="yes">
        <source>%n work orders not yet acknowledged</source>
        <translation>
            <numerusform>%n Arbeitsauftrag noch nicht quittiert</numerusform>
            <numerusform>%n Arbeitsaufträge noch nicht quittiert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: nobody acknowledged; no one left to escalate to</source>
        <translation>%1: Niemand hat quittiert; niemand mehr übrig, an den eskaliert werden kann</translation>
    </message>
    <message>
        <source>%1 escalated</source>
        <translation>%1 eskaliert</translation>
    </message>
    <message>
        <source>%1: now with %2</source>
        <translation>%1: jetzt bei %2</translation>
    </message>
    <message>
        <source>Work order needs you</source>
        <translation>Arbeitsauftrag wartet auf Sie</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>1 new message</source>
        <translation>1 neue Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Last poll: %1</source>
        <translation>Letzte Abfrage: %1</translation>
    </message>
    <message>
        <source>Last send: %1</source>
        <translation>Letzter Versand: %1</translation>
    </message>
    <message>
        <source>Mail round trip: %1 ms (%2)</source>
        <translation>Mail-Umlaufzeit: %1 ms (%2)</translation>
    </message>
    <message>
        <source>Mail round trip failed (%1): %2</source>
        <translation>Mail-Umlauf fehlgeschlagen (%1): %2</translation>
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
    <name>machina::WorkOrderModel</name>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Erstellt %1</translation>
    </message>
    <message>
        <source>Created %1 by %2</source>
        <translation>Erstellt %1 von %2</translation>
    </message>
    <message>
        <source>%1: waiting for %2 to acknowledge</source>
        <translation>%1: wartet auf Quittierung durch %2</translation>
    </message>
    <message>
        <source>%1 (responsible now)</source>
        <translation>%1 (jetzt zuständig)</translation>
    </message>
    <message>
        <source>%1 (notified)</source>
        <translation>%1 (benachrichtigt)</translation>
    </message>
    <message>
        <source>Acknowledged %1 after it was created (%2)</source>
        <translation>Quittiert %1 nach der Erstellung (%2)</translation>
    </message>
    <message>
        <source>To be acknowledged by %1</source>
        <translation>Zu quittieren bis %1</translation>
    </message>
    <message>
        <source>Overdue by %1: it was to be acknowledged by %2</source>
        <translation>Um %1 überfällig: Er war bis %2 zu quittieren</translation>
    </message>
    <message>
        <source>How long the technician took to acknowledge, or the time left until the work order is escalated</source>
        <translation>Wie lange der Techniker zum Quittieren gebraucht hat oder die verbleibende Zeit, bis der Arbeitsauftrag eskaliert wird</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Arbeitsauftrag</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Anlage</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>To acknowledge</source>
        <translation>Zu quittieren</translation>
    </message>
</context>
<context>
    <name>machina::WorkOrderTimelineModel</name>
    <message>
        <source>Created, notified %1</source>
        <translation>Erstellt, %1 benachrichtigt</translation>
    </message>
    <message>
        <source>Escalated to %1</source>
        <translation>An %1 eskaliert</translation>
    </message>
    <message>
        <source>%1, now with %2</source>
        <translation>%1, jetzt bei %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Responsible afterwards: %1</source>
        <translation>Danach zuständig: %1</translation>
    </message>
    <message>
        <source>Mail: &lt;%1&gt;</source>
        <translation>Mail: &lt;%1&gt;</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
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
    <name>machina::WorkOrderView</name>
    <message>
        <source>T&amp;imeline:</source>
        <translation>&amp;Verlauf:</translation>
    </message>
    <message>
        <source>&amp;Cancel work order...</source>
        <translation>Arbeitsauftrag &amp;stornieren...</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Arbeitsaufträge</translation>
    </message>
    <message>
        <source>Every work order, newest first, with its state, assignee and the time to acknowledge</source>
        <translation>Alle Arbeitsaufträge, neueste zuerst, mit Zustand, Zuständigem und der Zeit bis zur Quittierung</translation>
    </message>
    <message>
        <source>Timeline of the selected work order</source>
        <translation>Verlauf des ausgewählten Arbeitsauftrags</translation>
    </message>
    <message>
        <source>Call the selected work order off (%1)</source>
        <translation>Ausgewählten Arbeitsauftrag zurückziehen (%1)</translation>
    </message>
    <message>
        <source>Cancel work order</source>
        <translation>Arbeitsauftrag stornieren</translation>
    </message>
    <message>
        <source>T&amp;imeline: select a work order</source>
        <translation>&amp;Verlauf: Wählen Sie einen Arbeitsauftrag aus</translation>
    </message>
    <message>
        <source>T&amp;imeline of %1</source>
        <translation>&amp;Verlauf von %1</translation>
    </message>
    <message>
        <source>No work orders for this account.</source>
        <translation>Keine Arbeitsaufträge für dieses Konto.</translation>
    </message>
    <message>
        <source>No work order is waiting for an acknowledgement.</source>
        <translation>Kein Arbeitsauftrag wartet auf eine Quittierung.</translation>
    </message>
    <message>
        <source>Cancel %1 (%2)? No mail goes out: if a technician is already on the way, tell them yourself.</source>
        <translation>%1 (%2) stornieren? Es wird keine Mail versendet: Wenn ein Techniker bereits unterwegs ist, informieren Sie ihn selbst.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>Maintenance supervisor&apos;s mail console.</source>
        <translation>Mail-Konsole für Schichtleiter in der Instandhaltung.</translation>
    </message>
    <message>
        <source>Open the account in this connector config (YAML).</source>
        <translation>Das Konto in dieser Connector-Konfiguration (YAML) öffnen.</translation>
    </message>
    <message>
        <source>Default: $MACHINA_CONFIG, else %1</source>
        <translation>Standard: $MACHINA_CONFIG, sonst %1</translation>
    </message>
    <message>
        <source>Print the version.</source>
        <translation>Version ausgeben.</translation>
    </message>
    <message>
        <source>Print this help.</source>
        <translation>Diese Hilfe ausgeben.</translation>
    </message>
    <message>
        <source>The account in %1 could not be opened:

%2</source>
        <translation>Das Konto in %1 konnte nicht geöffnet werden:

%2</translation>
    </message>
    <message>
        <source>the saved account</source>
        <extracomment>Completes &quot;Opening %1&quot; in the activity log.</extracomment>
        <translation>das gespeicherte Konto</translation>
    </message>
    <message>
        <source>Machina Console: set up your account</source>
        <translation>Machina Console: Konto einrichten</translation>
    </message>
    <message>
        <source>The password could not be kept in the system keychain:

%1

It is used for this session only.</source>
        <translation>Das Passwort konnte nicht im Schlüsselbund des Systems aufbewahrt werden:

%1

Es wird nur für diese Sitzung verwendet.</translation>
    </message>
    <message>
        <source>the new account</source>
        <extracomment>Completes &quot;Opening %1&quot; in the activity log.</extracomment>
        <translation>das neue Konto</translation>
    </message>
    <message>
        <source>“Sign in” in File &gt; Settings</source>
        <translation>„Anmelden“ unter Datei &gt; Einstellungen</translation>
    </message>
    <message>
        <source>“Sign in with Google” in File &gt; Settings</source>
        <translation>„Mit Google anmelden“ unter Datei &gt; Einstellungen</translation>
    </message>
    <message>
        <source>Sending is not available: %1</source>
        <translation>Senden ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Connected for sending.</source>
        <translation>Zum Senden verbunden.</translation>
    </message>
    <message>
        <source>Settings applied: %1</source>
        <translation>Einstellungen übernommen: %1</translation>
    </message>
    <message>
        <source>Google account</source>
        <translation>Google-Konto</translation>
    </message>
    <message>
        <source>Saved as the console&apos;s account; this run was started with a config file, which takes precedence at the next start.</source>
        <translation>Als Konto der Konsole gespeichert; dieser Lauf wurde mit einer Konfigurationsdatei gestartet, die beim nächsten Start Vorrang hat.</translation>
    </message>
    <message>
        <source>The password was not kept in the keychain (it is used for this session only): %1</source>
        <translation>Das Passwort wurde nicht im Schlüsselbund aufbewahrt (es wird nur für diese Sitzung verwendet): %1</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Öffne %1</translation>
    </message>
</context>
</TS>
