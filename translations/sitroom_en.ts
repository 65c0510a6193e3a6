<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ConsoleApp</name>
    <message>
        <source>The server address %1 is not valid; write it as HOST:PORT, or several as HOST:PORT,HOST:PORT with the preferred one first.</source>
        <translation>The server address %1 is not valid; write it as HOST:PORT, or several as HOST:PORT,HOST:PORT with the preferred one first.</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read. Type the password instead.</source>
        <translation>The password file %1 cannot be read. Type the password instead.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>Light</name>
    <message>
        <source>Smooth</source>
        <translation>Smooth</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Delayed</translation>
    </message>
    <message>
        <source>Congested</source>
        <translation>Congested</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>LinkText</name>
    <message>
        <source>the server speaks another protocol version; this console needs updating</source>
        <translation>the server speaks another protocol version; this console needs updating</translation>
    </message>
    <message>
        <source>the user name or password was not accepted</source>
        <translation>the user name or password was not accepted</translation>
    </message>
    <message>
        <source>the server could not understand this console</source>
        <translation>the server could not understand this console</translation>
    </message>
    <message>
        <source>the sign-in took too long</source>
        <translation>the sign-in took too long</translation>
    </message>
    <message>
        <source>the server is shutting down</source>
        <translation>the server is shutting down</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source> Trying again in %1 (attempt %2).</source>
        <translation> Trying again in %1 (attempt %2).</translation>
    </message>
    <message>
        <source>Connecting to the server (attempt %1)…</source>
        <translation>Connecting to the server (attempt %1)…</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Connected; waiting for the server to accept this console…</source>
        <translation>Connected; waiting for the server to accept this console…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>The server refused this console: %1.</source>
        <translation>The server refused this console: %1.</translation>
    </message>
    <message>
        <source>Cannot reach the server</source>
        <translation>Cannot reach the server</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 ago</translation>
    </message>
    <message>
        <source>No data yet. %1</source>
        <translation>No data yet. %1</translation>
    </message>
    <message>
        <source>Data is stale: last update %1. %2</source>
        <translation>Data is stale: last update %1. %2</translation>
    </message>
    <message>
        <source>no server address is set (--server HOST:PORT)</source>
        <translation>no server address is set (--server HOST:PORT)</translation>
    </message>
    <message>
        <source>no CA certificate file is set; give it with --ca</source>
        <translation>no CA certificate file is set; give it with --ca</translation>
    </message>
    <message>
        <source>cannot read a CA certificate from %1; check the file given with --ca</source>
        <translation>cannot read a CA certificate from %1; check the file given with --ca</translation>
    </message>
    <message>
        <source>the server's certificate is not signed by the CA in %1; check --ca and that the CA file belongs to this server</source>
        <translation>the server's certificate is not signed by the CA in %1; check --ca and that the CA file belongs to this server</translation>
    </message>
    <message>
        <source>the secure (TLS) connection could not be set up; check --ca and the server's certificate</source>
        <translation>the secure (TLS) connection could not be set up; check --ca and the server's certificate</translation>
    </message>
    <message>
        <source>nothing answers at %1; is the server running?</source>
        <translation>nothing answers at %1; is the server running?</translation>
    </message>
    <message>
        <source>the host %1 was not found</source>
        <translation>the host %1 was not found</translation>
    </message>
    <message>
        <source>the network connection to %1 failed</source>
        <translation>the network connection to %1 failed</translation>
    </message>
    <message>
        <source>the server did not accept this console in time</source>
        <translation>the server did not accept this console in time</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>the server closed the connection</translation>
    </message>
    <message>
        <source>the server closed the connection while signing in</source>
        <translation>the server closed the connection while signing in</translation>
    </message>
    <message>
        <source>nothing came from the server for too long</source>
        <translation>nothing came from the server for too long</translation>
    </message>
    <message>
        <source>the server sent something this console cannot read</source>
        <translation>the server sent something this console cannot read</translation>
    </message>
    <message>
        <source> Not trying again until the password is given again.</source>
        <translation> Not trying again until the password is given again.</translation>
    </message>
    <message>
        <source>a minute</source>
        <translation>a minute</translation>
    </message>
    <message>
        <source>too many failed sign-ins for this user from many places; the user is held back everywhere for %1</source>
        <translation>too many failed sign-ins for this user from many places; the user is held back everywhere for %1</translation>
    </message>
    <message>
        <source>too many failed sign-ins for this user from this computer; try again in %1. Colleagues signing in from elsewhere are not affected</source>
        <translation>too many failed sign-ins for this user from this computer; try again in %1. Colleagues signing in from elsewhere are not affected</translation>
    </message>
    <message>
        <source>Switching to the %1…</source>
        <translation>Switching to the %1…</translation>
    </message>
    <message>
        <source>Switching to the %1: signing in…</source>
        <translation>Switching to the %1: signing in…</translation>
    </message>
    <message>
        <source>%1 gateway</source>
        <comment>a gateway named by its room or its address</comment>
        <translation>%1 gateway</translation>
    </message>
</context>
<context>
    <name>LiveClock</name>
    <message>
        <source>(gateway clock)</source>
        <translation>(gateway clock)</translation>
    </message>
</context>
<context>
    <name>Phrase</name>
    <message>
        <source>set admission rate to {rate}/s</source>
        <translation>set admission rate to {rate}/s</translation>
    </message>
    <message>
        <source>pause admission</source>
        <translation>pause admission</translation>
    </message>
    <message>
        <source>resume admission</source>
        <translation>resume admission</translation>
    </message>
    <message>
        <source>enable provider {provider}</source>
        <translation>enable provider {provider}</translation>
    </message>
    <message>
        <source>disable provider {provider}</source>
        <translation>disable provider {provider}</translation>
    </message>
    <message>
        <source>disable provider {provider} for {seconds} s</source>
        <translation>disable provider {provider} for {seconds} s</translation>
    </message>
    <message>
        <source>approve request {request}</source>
        <translation>approve request {request}</translation>
    </message>
    <message>
        <source>acknowledge alert {alert}</source>
        <translation>acknowledge alert {alert}</translation>
    </message>
    <message>
        <source>shelve alert {alert}</source>
        <translation>shelve alert {alert}</translation>
    </message>
    <message>
        <source>unshelve alert {alert}</source>
        <translation>unshelve alert {alert}</translation>
    </message>
    <message>
        <source>(no action)</source>
        <translation>(no action)</translation>
    </message>
    <message>
        <source>{command} (stale data, overridden)</source>
        <translation>{command} (stale data, overridden)</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>applied</translation>
    </message>
    <message>
        <source>pending approval</source>
        <translation>pending approval</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalid</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>{status}: {detail}</source>
        <translation>{status}: {detail}</translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation>{first}; {then}</translation>
    </message>
    <message>
        <source>the command has no command_id</source>
        <translation>the command has no command_id</translation>
    </message>
    <message>
        <source>the command has no action</source>
        <translation>the command has no action</translation>
    </message>
    <message>
        <source>an approval needs the request_id</source>
        <translation>an approval needs the request_id</translation>
    </message>
    <message>
        <source>a reason must be given</source>
        <translation>a reason must be given</translation>
    </message>
    <message>
        <source>the admission rate must be from {min} to {max} per second, not {rate}</source>
        <translation>the admission rate must be from {min} to {max} per second, not {rate}</translation>
    </message>
    <message>
        <source>there is no provider "{provider}"</source>
        <translation>there is no provider "{provider}"</translation>
    </message>
    <message>
        <source>the command names no alert</source>
        <translation>the command names no alert</translation>
    </message>
    <message>
        <source>there is no open alert "{alert}"</source>
        <translation>there is no open alert "{alert}"</translation>
    </message>
    <message>
        <source>this server runs no alert engine</source>
        <translation>this server runs no alert engine</translation>
    </message>
    <message>
        <source>this session has the viewer role: commands are not allowed</source>
        <translation>this session has the viewer role: commands are not allowed</translation>
    </message>
    <message>
        <source>operators may not enable providers</source>
        <translation>operators may not enable providers</translation>
    </message>
    <message>
        <source>operators may not disable providers</source>
        <translation>operators may not disable providers</translation>
    </message>
    <message>
        <source>only supervisors may approve requests</source>
        <translation>only supervisors may approve requests</translation>
    </message>
    <message>
        <source>a request must be approved by a different supervisor</source>
        <translation>a request must be approved by a different supervisor</translation>
    </message>
    <message>
        <source>only supervisors may shelve a critical alert</source>
        <translation>only supervisors may shelve a critical alert</translation>
    </message>
    <message>
        <source>the server takes no commands</source>
        <translation>the server takes no commands</translation>
    </message>
    <message>
        <source>this gateway watches the live system without steering it (it has no control webhook)</source>
        <translation>this gateway watches the live system without steering it (it has no control webhook)</translation>
    </message>
    <message>
        <source>the live system's clock is not known yet (its figures have not arrived), so a disable for a set time cannot be timed; disable until re-enabled by hand, or wait for the figures</source>
        <translation>the live system's clock is not known yet (its figures have not arrived), so a disable for a set time cannot be timed; disable until re-enabled by hand, or wait for the figures</translation>
    </message>
    <message>
        <source>the figures this control depends on are stale ({figures}: {cause}); look again when they are fresh, or send it with the stale-data override</source>
        <translation>the figures this control depends on are stale ({figures}: {cause}); look again when they are fresh, or send it with the stale-data override</translation>
    </message>
    <message>
        <source>the monitoring source does not answer</source>
        <translation>the monitoring source does not answer</translation>
    </message>
    <message>
        <source>its query fails</source>
        <translation>its query fails</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>the live system's scrape target is down</source>
        <translation>the live system's scrape target is down</translation>
    </message>
    <message>
        <source>not fresh</source>
        <translation>not fresh</translation>
    </message>
    <message>
        <source>the controls are at revision {now}, not {expected}</source>
        <translation>the controls are at revision {now}, not {expected}</translation>
    </message>
    <message>
        <source>the controls are at revision {now}, not {expected}; last changed by {user} ({site}) at {time_wall_ms}: {reason}</source>
        <translation>the controls are at revision {now}, not {expected}; last changed by {user} ({site}) at {time_wall_ms}: {reason}</translation>
    </message>
    <message>
        <source>request {request} waits for a second supervisor</source>
        <translation>request {request} waits for a second supervisor</translation>
    </message>
    <message>
        <source>there is no pending request {request} (it expired, was already decided, or never existed)</source>
        <translation>there is no pending request {request} (it expired, was already decided, or never existed)</translation>
    </message>
    <message>
        <source>not approved within {minutes} min</source>
        <translation>not approved within {minutes} min</translation>
    </message>
    <message>
        <source>approved {requester}'s request to {command}</source>
        <translation>approved {requester}'s request to {command}</translation>
    </message>
    <message>
        <source>approved by {approver} (request {request})</source>
        <translation>approved by {approver} (request {request})</translation>
    </message>
    <message>
        <source>ramping in over {seconds} s</source>
        <translation>ramping in over {seconds} s</translation>
    </message>
    <message>
        <source>the audit log could not be written, so nothing was done: {error}</source>
        <translation>the audit log could not be written, so nothing was done: {error}</translation>
    </message>
    <message>
        <source>the shared state store cannot be reached</source>
        <translation>the shared state store cannot be reached</translation>
    </message>
    <message>
        <source>the state store did not take the write</source>
        <translation>the state store did not take the write</translation>
    </message>
    <message>
        <source>recorded late, at {recorded_wall_ms}: the audit log could not be written when it happened</source>
        <translation>recorded late, at {recorded_wall_ms}: the audit log could not be written when it happened</translation>
    </message>
    <message>
        <source>{count} audit rows lost, from {first_wall_ms} to {last_wall_ms}</source>
        <translation>{count} audit rows lost, from {first_wall_ms} to {last_wall_ms}</translation>
    </message>
    <message>
        <source>at most {capacity} audit rows wait in memory while the audit log cannot be written</source>
        <translation>at most {capacity} audit rows wait in memory while the audit log cannot be written</translation>
    </message>
    <message>
        <source>the live system did not apply it: {reason}</source>
        <translation>the live system did not apply it: {reason}</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>sent to the live system</source>
        <translation>sent to the live system</translation>
    </message>
    <message>
        <source>accepted by the live system in {elapsed} ms</source>
        <translation>accepted by the live system in {elapsed} ms</translation>
    </message>
    <message>
        <source>applied in the gateway's process</source>
        <translation>applied in the gateway's process</translation>
    </message>
    <message>
        <source>effect seen after {seconds} s: {expectation}</source>
        <translation>effect seen after {seconds} s: {expectation}</translation>
    </message>
    <message>
        <source>effect seen after {seconds} s (late): {expectation}</source>
        <translation>effect seen after {seconds} s (late): {expectation}</translation>
    </message>
    <message>
        <source>effect not seen within {seconds} s: waited for {expectation}</source>
        <translation>effect not seen within {seconds} s: waited for {expectation}</translation>
    </message>
    <message>
        <source>{user} asks to {command}; a second supervisor must approve within {minutes} min</source>
        <translation>{user} asks to {command}; a second supervisor must approve within {minutes} min</translation>
    </message>
    <message>
        <source>{user} did: {command}</source>
        <translation>{user} did: {command}</translation>
    </message>
    <message>
        <source>{approver} approved {requester}'s request to {command}</source>
        <translation>{approver} approved {requester}'s request to {command}</translation>
    </message>
    <message>
        <source>{requester}'s request to {command} expired unapproved</source>
        <translation>{requester}'s request to {command} expired unapproved</translation>
    </message>
    <message>
        <source>provider {provider} re-enabled at the end of its timed disable; ramping in over {seconds} s</source>
        <translation>provider {provider} re-enabled at the end of its timed disable; ramping in over {seconds} s</translation>
    </message>
    <message>
        <source>control revision raised from {from} to {to} to follow the live system</source>
        <translation>control revision raised from {from} to {to} to follow the live system</translation>
    </message>
    <message>
        <source>approved {requester}'s request: {reason}</source>
        <translation>approved {requester}'s request: {reason}</translation>
    </message>
    <message>
        <source>not approved in time</source>
        <translation>not approved in time</translation>
    </message>
    <message>
        <source>timed disable ended</source>
        <translation>timed disable ended</translation>
    </message>
    <message>
        <source>the live system has applied revision {revision}</source>
        <translation>the live system has applied revision {revision}</translation>
    </message>
    <message>
        <source>its control endpoint reports revision {revision}</source>
        <translation>its control endpoint reports revision {revision}</translation>
    </message>
    <message>
        <source>closed-loop check: {expectation}</source>
        <translation>closed-loop check: {expectation}</translation>
    </message>
    <message>
        <source>expire request {request} ({command} by {requester})</source>
        <translation>expire request {request} ({command} by {requester})</translation>
    </message>
    <message>
        <source>follow the live system's control revision</source>
        <translation>follow the live system's control revision</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>sign in</translation>
    </message>
    <message>
        <source>alert {alert} {transition} ({key})</source>
        <translation>alert {alert} {transition} ({key})</translation>
    </message>
    <message>
        <source>verify {action} (command {command_id}, revision {revision})</source>
        <translation>verify {action} (command {command_id}, revision {revision})</translation>
    </message>
    <message>
        <source>signed in as {role}</source>
        <translation>signed in as {role}</translation>
    </message>
    <message>
        <source>too many failed attempts for this user from all addresses</source>
        <translation>too many failed attempts for this user from all addresses</translation>
    </message>
    <message>
        <source>too many failed attempts from {address}</source>
        <translation>too many failed attempts from {address}</translation>
    </message>
    <message>
        <source>no password from {address}</source>
        <translation>no password from {address}</translation>
    </message>
    <message>
        <source>wrong password from {address}</source>
        <translation>wrong password from {address}</translation>
    </message>
    <message>
        <source>unknown user from {address}</source>
        <translation>unknown user from {address}</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>viewer</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{severity}: {message} (value {value}, threshold {threshold} {unit})</source>
        <translation>{severity}: {message} (value {value}, threshold {threshold} {unit})</translation>
    </message>
    <message>
        <source>runbook step taken: {step}</source>
        <translation>runbook step taken: {step}</translation>
    </message>
    <message>
        <source>shelved until {until_ms} (live system's clock)</source>
        <translation>shelved until {until_ms} (live system's clock)</translation>
    </message>
    <message>
        <source>alert {alert} is {state}; only an unacknowledged alert can be acknowledged</source>
        <translation>alert {alert} is {state}; only an unacknowledged alert can be acknowledged</translation>
    </message>
    <message>
        <source>alert {alert} is {state} and cannot be shelved</source>
        <translation>alert {alert} is {state} and cannot be shelved</translation>
    </message>
    <message>
        <source>alert {alert} is {state}, not shelved</source>
        <translation>alert {alert} is {state}, not shelved</translation>
    </message>
    <message>
        <source>an alert is shelved for 15 minutes to 12 hours, not {seconds} seconds</source>
        <translation>an alert is shelved for 15 minutes to 12 hours, not {seconds} seconds</translation>
    </message>
    <message>
        <source>shelving an alert needs a reason</source>
        <translation>shelving an alert needs a reason</translation>
    </message>
    <message>
        <source>there is no alert {alert}</source>
        <translation>there is no alert {alert}</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>raised</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>escalated</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <source>returned to normal</source>
        <translation>returned to normal</translation>
    </message>
    <message>
        <source>active again</source>
        <translation>active again</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>cleared</translation>
    </message>
    <message>
        <source>shelved</source>
        <translation>shelved</translation>
    </message>
    <message>
        <source>unshelved</source>
        <translation>unshelved</translation>
    </message>
    <message>
        <source>unshelved at expiry</source>
        <translation>unshelved at expiry</translation>
    </message>
    <message>
        <source>regrouped for the flood</source>
        <translation>regrouped for the flood</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>active, unacknowledged</source>
        <translation>active, unacknowledged</translation>
    </message>
    <message>
        <source>active, acknowledged</source>
        <translation>active, acknowledged</translation>
    </message>
    <message>
        <source>returned to normal, unacknowledged</source>
        <translation>returned to normal, unacknowledged</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>major</source>
        <translation>major</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>minor</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>{first}, {then}</source>
        <translation>{first}, {then}</translation>
    </message>
    <message>
        <source>admission.rate_limit_per_s = {rate}</source>
        <translation>admission.rate_limit_per_s = {rate}</translation>
    </message>
    <message>
        <source>admission.paused and admitted_per_s = 0</source>
        <translation>admission.paused and admitted_per_s = 0</translation>
    </message>
    <message>
        <source>admission not paused</source>
        <translation>admission not paused</translation>
    </message>
    <message>
        <source>provider.{provider}.light != suspended</source>
        <translation>provider.{provider}.light != suspended</translation>
    </message>
    <message>
        <source>provider.{provider}.light = suspended and requests_per_s near 0</source>
        <translation>provider.{provider}.light = suspended and requests_per_s near 0</translation>
    </message>
    <message>
        <source>{user} asks to {command}; the {room} room is in command, so a supervisor of the {room} room must approve within {minutes} min</source>
        <translation>{user} asks to {command}; the {room} room is in command, so a supervisor of the {room} room must approve within {minutes} min</translation>
    </message>
    <message>
        <source>request a handover of command</source>
        <translation>request a handover of command</translation>
    </message>
    <message>
        <source>accept handover {request}</source>
        <translation>accept handover {request}</translation>
    </message>
    <message>
        <source>decline handover {request}</source>
        <translation>decline handover {request}</translation>
    </message>
    <message>
        <source>withdraw handover {request}</source>
        <translation>withdraw handover {request}</translation>
    </message>
    <message>
        <source>answer handover {request}</source>
        <translation>answer handover {request}</translation>
    </message>
    <message>
        <source>take command</source>
        <translation>take command</translation>
    </message>
    <message>
        <source>offer command of the {from_room} room to the {to_room} room</source>
        <translation>offer command of the {from_room} room to the {to_room} room</translation>
    </message>
    <message>
        <source>ask the {from_room} room to hand command to the {to_room} room</source>
        <translation>ask the {from_room} room to hand command to the {to_room} room</translation>
    </message>
    <message>
        <source>take command from the {from_room} room for the {to_room} room</source>
        <translation>take command from the {from_room} room for the {to_room} room</translation>
    </message>
    <message>
        <source>expire handover {request} (from the {from_room} room to the {to_room} room, asked by {requester})</source>
        <translation>expire handover {request} (from the {from_room} room to the {to_room} room, asked by {requester})</translation>
    </message>
    <message>
        <source>request {request} waits: the {room} room is in command, so a supervisor of the {room} room must approve</source>
        <translation>request {request} waits: the {room} room is in command, so a supervisor of the {room} room must approve</translation>
    </message>
    <message>
        <source>handover {request} waits for a supervisor of the {room} room to accept</source>
        <translation>handover {request} waits for a supervisor of the {room} room to accept</translation>
    </message>
    <message>
        <source>the {to_room} room is in command now (was the {from_room} room)</source>
        <translation>the {to_room} room is in command now (was the {from_room} room)</translation>
    </message>
    <message>
        <source>handover {request} declined: the {room} room stays in command</source>
        <translation>handover {request} declined: the {room} room stays in command</translation>
    </message>
    <message>
        <source>handover {request} withdrawn: the {room} room stays in command</source>
        <translation>handover {request} withdrawn: the {room} room stays in command</translation>
    </message>
    <message>
        <source>takeover: the {to_room} room is in command now; the {from_room} room's gateway was last seen {seconds} s ago</source>
        <translation>takeover: the {to_room} room is in command now; the {from_room} room's gateway was last seen {seconds} s ago</translation>
    </message>
    <message>
        <source>takeover: the {to_room} room is in command now; no gateway of the {from_room} room has ever been seen (this gateway allows that)</source>
        <translation>takeover: the {to_room} room is in command now; no gateway of the {from_room} room has ever been seen (this gateway allows that)</translation>
    </message>
    <message>
        <source>the {room} room is in command: only a supervisor of the {room} room may approve</source>
        <translation>the {room} room is in command: only a supervisor of the {room} room may approve</translation>
    </message>
    <message>
        <source>only a supervisor may hand over or take command</source>
        <translation>only a supervisor may hand over or take command</translation>
    </message>
    <message>
        <source>only a supervisor of the Seoul or Osong room may hand over or take command</source>
        <translation>only a supervisor of the Seoul or Osong room may hand over or take command</translation>
    </message>
    <message>
        <source>handover {request} is waiting already: answer or withdraw it first</source>
        <translation>handover {request} is waiting already: answer or withdraw it first</translation>
    </message>
    <message>
        <source>handover {request} is answered by a supervisor of the {room} room</source>
        <translation>handover {request} is answered by a supervisor of the {room} room</translation>
    </message>
    <message>
        <source>handover {request} can be withdrawn only by a supervisor of the {room} room, which asked</source>
        <translation>handover {request} can be withdrawn only by a supervisor of the {room} room, which asked</translation>
    </message>
    <message>
        <source>the {room} room is in command already</source>
        <translation>the {room} room is in command already</translation>
    </message>
    <message>
        <source>this gateway serves the {room} room, which is in command, and it is running: ask for a handover</source>
        <translation>this gateway serves the {room} room, which is in command, and it is running: ask for a handover</translation>
    </message>
    <message>
        <source>the {room} room's gateway {server} was seen {seconds} s ago; command can be taken after {after} s without it: ask for a handover</source>
        <translation>the {room} room's gateway {server} was seen {seconds} s ago; command can be taken after {after} s without it: ask for a handover</translation>
    </message>
    <message>
        <source>no gateway of the {room} room has ever been seen, so it cannot be called unreachable: ask for a handover</source>
        <translation>no gateway of the {room} room has ever been seen, so it cannot be called unreachable: ask for a handover</translation>
    </message>
    <message>
        <source>a handover answer must accept, decline or withdraw</source>
        <translation>a handover answer must accept, decline or withdraw</translation>
    </message>
    <message>
        <source>there is no waiting handover {request} (it expired, was answered, or never existed)</source>
        <translation>there is no waiting handover {request} (it expired, was answered, or never existed)</translation>
    </message>
    <message>
        <source>not answered within {minutes} min</source>
        <translation>not answered within {minutes} min</translation>
    </message>
    <message>
        <source>{user} offers command of the {from_room} room to the {to_room} room; a supervisor of the {to_room} room must accept within {minutes} min</source>
        <translation>{user} offers command of the {from_room} room to the {to_room} room; a supervisor of the {to_room} room must accept within {minutes} min</translation>
    </message>
    <message>
        <source>{user} asks the {from_room} room to hand command to the {to_room} room; a supervisor of the {from_room} room must accept within {minutes} min</source>
        <translation>{user} asks the {from_room} room to hand command to the {to_room} room; a supervisor of the {from_room} room must accept within {minutes} min</translation>
    </message>
    <message>
        <source>{user} accepted {requester}'s handover: the {to_room} room is in command</source>
        <translation>{user} accepted {requester}'s handover: the {to_room} room is in command</translation>
    </message>
    <message>
        <source>{user} declined {requester}'s handover: the {room} room stays in command</source>
        <translation>{user} declined {requester}'s handover: the {room} room stays in command</translation>
    </message>
    <message>
        <source>{user} withdrew the handover: the {room} room stays in command</source>
        <translation>{user} withdrew the handover: the {room} room stays in command</translation>
    </message>
    <message>
        <source>{requester}'s handover expired unanswered: the {room} room stays in command</source>
        <translation>{requester}'s handover expired unanswered: the {room} room stays in command</translation>
    </message>
    <message>
        <source>{user} took command for the {to_room} room from the {from_room} room</source>
        <translation>{user} took command for the {to_room} room from the {from_room} room</translation>
    </message>
    <message>
        <source>handover not answered in time</source>
        <translation>handover not answered in time</translation>
    </message>
    <message>
        <source>accepted {requester}'s handover: {reason}</source>
        <translation>accepted {requester}'s handover: {reason}</translation>
    </message>
    <message>
        <source>sent to the live system again by gateway {gateway} (attempt {attempt})</source>
        <translation>sent to the live system again by gateway {gateway} (attempt {attempt})</translation>
    </message>
    <message>
        <source>delivered by gateway {gateway}, attempt {attempt}</source>
        <translation>delivered by gateway {gateway}, attempt {attempt}</translation>
    </message>
    <message>
        <source>delivery failed: what it changed is back as before, at revision {revision}</source>
        <translation>delivery failed: what it changed is back as before, at revision {revision}</translation>
    </message>
    <message>
        <source>delivery failed: nothing it changed was still in force</source>
        <translation>delivery failed: nothing it changed was still in force</translation>
    </message>
    <message>
        <source>delivery failed: the live system has not confirmed the controls put back; the next change sends the whole state</source>
        <translation>delivery failed: the live system has not confirmed the controls put back; the next change sends the whole state</translation>
    </message>
    <message>
        <source>the live system refused it: {reason}</source>
        <translation>the live system refused it: {reason}</translation>
    </message>
    <message>
        <source>no answer from the live system within {seconds} s: {reason}</source>
        <translation>no answer from the live system within {seconds} s: {reason}</translation>
    </message>
    <message>
        <source>it cannot be reached</source>
        <translation>it cannot be reached</translation>
    </message>
    <message>
        <source>no secure connection to it could be made</source>
        <translation>no secure connection to it could be made</translation>
    </message>
    <message>
        <source>the connection closed before its answer</source>
        <translation>the connection closed before its answer</translation>
    </message>
    <message>
        <source>it did not answer an attempt within {seconds} s</source>
        <translation>it did not answer an attempt within {seconds} s</translation>
    </message>
    <message>
        <source>it answered with HTTP status {status}</source>
        <translation>it answered with HTTP status {status}</translation>
    </message>
    <message>
        <source>it answered with HTTP status {status}, in its own words: "{said}"</source>
        <translation>it answered with HTTP status {status}, in its own words: "{said}"</translation>
    </message>
    <message>
        <source>attempt {attempt} was still unanswered</source>
        <translation>attempt {attempt} was still unanswered</translation>
    </message>
    <message>
        <source>attempt {attempt} was still unanswered; the one before: {before}</source>
        <translation>attempt {attempt} was still unanswered; the one before: {before}</translation>
    </message>
    <message>
        <source>no attempt was answered</source>
        <translation>no attempt was answered</translation>
    </message>
    <message>
        <source>deliver {command} to the live system (command {command_id}, revision {revision})</source>
        <translation>deliver {command} to the live system (command {command_id}, revision {revision})</translation>
    </message>
    <message>
        <source>put back what {command} changed (command {command_id}, revision {revision})</source>
        <translation>put back what {command} changed (command {command_id}, revision {revision})</translation>
    </message>
    <message>
        <source>the controls {command} changed are back as before: the live system did not take it</source>
        <translation>the controls {command} changed are back as before: the live system did not take it</translation>
    </message>
    <message>
        <source>alert {alert} was changed through the other gateway meanwhile; look at it again</source>
        <translation>alert {alert} was changed through the other gateway meanwhile; look at it again</translation>
    </message>
</context>
<context>
    <name>sitroom::console::MainWindow</name>
    <message>
        <source>Waiting room</source>
        <translation>Waiting room</translation>
    </message>
    <message>
        <source>Bookings by cohort</source>
        <translation>Bookings by cohort</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>&amp;Reset layout</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Sitroom</source>
        <translation>&amp;About Sitroom</translation>
    </message>
    <message>
        <source>About Sitroom</source>
        <translation>About Sitroom</translation>
    </message>
    <message>
        <source>Sitroom %1: the situation-room console of the vaccine-reservation system.</source>
        <translation>Sitroom %1: the situation-room console of the vaccine-reservation system.</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>Stale: last update %1</source>
        <translation>Stale: last update %1</translation>
    </message>
    <message>
        <source>Live system: %1</source>
        <translation>Live system: %1</translation>
    </message>
    <message>
        <source>Sitroom situation board · %1</source>
        <translation>Sitroom situation board · %1</translation>
    </message>
    <message>
        <source>[STALE] </source>
        <translation>[STALE] </translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alerts (%1)</translation>
    </message>
    <message>
        <source>Pending approvals</source>
        <translation>Pending approvals</translation>
    </message>
    <message>
        <source>Audit timeline</source>
        <translation>Audit timeline</translation>
    </message>
    <message>
        <source>Pending approvals (%1)</source>
        <translation>Pending approvals (%1)</translation>
    </message>
    <message>
        <source>Runbook step for alert %1: %2</source>
        <translation>Runbook step for alert %1: %2</translation>
    </message>
    <message>
        <source>%1: confirm it in the dialog; the acknowledgement will record it.</source>
        <translation>%1: confirm it in the dialog; the acknowledgement will record it.</translation>
    </message>
    <message>
        <source>[CRITICAL ALERT] </source>
        <translation>[CRITICAL ALERT] </translation>
    </message>
    <message>
        <source>Recent &amp;messages…</source>
        <translation>Recent &amp;messages…</translation>
    </message>
    <message>
        <source>Read from: %1</source>
        <translation>Read from: %1</translation>
    </message>
</context>
<context>
    <name>sitroom::console::SignInFlow</name>
    <message>
        <source>The server %1 needs a password for %2.</source>
        <translation>The server %1 needs a password for %2.</translation>
    </message>
</context>
<context>
    <name>sitroom::models::AlertModel</name>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>sitroom::models::AuditModel</name>
    <message>
        <source>before: %1</source>
        <translation>before: %1</translation>
    </message>
    <message>
        <source>after: %1</source>
        <translation>after: %1</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>In the live system</source>
        <translation>In the live system</translation>
    </message>
    <message>
        <source>%1 on the live system's clock</source>
        <translation>%1 on the live system's clock</translation>
    </message>
    <message>
        <source>%1: written before the gateway kept the live system's clock</source>
        <translation>%1: written before the gateway kept the live system's clock</translation>
    </message>
    <message>
        <source>Time (live system, %1)</source>
        <translation>Time (live system, %1)</translation>
    </message>
    <message>
        <source>system</source>
        <comment>the gateway as the author of an audit row</comment>
        <translation>system</translation>
    </message>
</context>
<context>
    <name>sitroom::models::BriefingSummary</name>
    <message>
        <source>under a minute</source>
        <translation>under a minute</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>about %1 min</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>No booking window is set for this day.</source>
        <translation>No booking window is set for this day.</translation>
    </message>
    <message>
        <source>Bookings open at %1; %2 bookings are forecast for the window.</source>
        <translation>Bookings open at %1; %2 bookings are forecast for the window.</translation>
    </message>
    <message>
        <source>Bookings opened at %1; this screen has no record from the opening.</source>
        <translation>Bookings opened at %1; this screen has no record from the opening.</translation>
    </message>
    <message>
        <source>In the 30 minutes after bookings opened at %1, %2 bookings were made: %3 of the day's forecast (%4).</source>
        <translation>In the 30 minutes after bookings opened at %1, %2 bookings were made: %3 of the day's forecast (%4).</translation>
    </message>
    <message>
        <source>In the %2 minutes since bookings opened at %1, %3 bookings were made (%4 expected by now).</source>
        <translation>In the %2 minutes since bookings opened at %1, %3 bookings were made (%4 expected by now).</translation>
    </message>
    <message>
        <source>No verification method has been congested.</source>
        <translation>No verification method has been congested.</translation>
    </message>
    <message>
        <source>%1 verification has been congested since %2.</source>
        <translation>%1 verification has been congested since %2.</translation>
    </message>
    <message>
        <source>%1 verification has been congested since %2, and citizens moved to %3.</source>
        <translation>%1 verification has been congested since %2, and citizens moved to %3.</translation>
    </message>
    <message>
        <source>%1 verification was congested from %2 to %3.</source>
        <translation>%1 verification was congested from %2 to %3.</translation>
    </message>
    <message>
        <source>%1 verification was congested from %2 to %3, and citizens moved to %4.</source>
        <translation>%1 verification was congested from %2 to %3, and citizens moved to %4.</translation>
    </message>
    <message>
        <source>At %1 the situation room lowered the admission rate to %2 people a second.</source>
        <translation>At %1 the situation room lowered the admission rate to %2 people a second.</translation>
    </message>
    <message>
        <source>At %1 the situation room raised the admission rate to %2 people a second.</source>
        <translation>At %1 the situation room raised the admission rate to %2 people a second.</translation>
    </message>
    <message>
        <source>After that the admission rate was changed %1 more times.</source>
        <translation>After that the admission rate was changed %1 more times.</translation>
    </message>
    <message>
        <source>At %1, %2 people are waiting to enter; admission is paused.</source>
        <translation>At %1, %2 people are waiting to enter; admission is paused.</translation>
    </message>
    <message>
        <source>At %1, %2 people are waiting to enter, for %3.</source>
        <translation>At %1, %2 people are waiting to enter, for %3.</translation>
    </message>
    <message>
        <source>No verification method is congested now.</source>
        <translation>No verification method is congested now.</translation>
    </message>
    <message>
        <source>Congested now: %1.</source>
        <translation>Congested now: %1.</translation>
    </message>
    <message>
        <source>Suspended by the situation room: %1.</source>
        <translation>Suspended by the situation room: %1.</translation>
    </message>
    <message>
        <source>%1 critical alerts stand; the first to look at: %2.</source>
        <translation>%1 critical alerts stand; the first to look at: %2.</translation>
    </message>
    <message>
        <source>No critical alert stands.</source>
        <translation>No critical alert stands.</translation>
    </message>
</context>
<context>
    <name>sitroom::models::CohortModel</name>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Bookings/min</source>
        <translation>Bookings/min</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
</context>
<context>
    <name>sitroom::models::PhraseWords</name>
    <message>
        <source>ratio</source>
        <comment>alert unit</comment>
        <translation>ratio</translation>
    </message>
    <message>
        <source>people</source>
        <comment>alert unit</comment>
        <translation>people</translation>
    </message>
    <message>
        <source>times</source>
        <comment>alert unit</comment>
        <translation>times</translation>
    </message>
    <message>
        <source>s</source>
        <comment>alert unit</comment>
        <translation>s</translation>
    </message>
    <message>
        <source>nothing</source>
        <comment>audit before/after</comment>
        <translation>nothing</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>admission rate: %1 a second</source>
        <translation>admission rate: %1 a second</translation>
    </message>
    <message>
        <source>admission paused: %1</source>
        <translation>admission paused: %1</translation>
    </message>
    <message>
        <source>requests waiting for approval: %1</source>
        <translation>requests waiting for approval: %1</translation>
    </message>
    <message>
        <source>control revision: %1</source>
        <translation>control revision: %1</translation>
    </message>
    <message>
        <source>alert state: %1</source>
        <translation>alert state: %1</translation>
    </message>
    <message>
        <source>severity: %1</source>
        <translation>severity: %1</translation>
    </message>
    <message>
        <source>%1: in use</source>
        <translation>%1: in use</translation>
    </message>
    <message>
        <source>%1: suspended</source>
        <translation>%1: suspended</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>room in command: %1</source>
        <translation>room in command: %1</translation>
    </message>
    <message>
        <source>handover waiting: none</source>
        <translation>handover waiting: none</translation>
    </message>
    <message>
        <source>handover waiting: to %1</source>
        <translation>handover waiting: to %1</translation>
    </message>
</context>
<context>
    <name>sitroom::models::ProviderModel</name>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>p95 latency (ms)</source>
        <translation>p95 latency (ms)</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Requests/s</translation>
    </message>
    <message>
        <source>Share of traffic</source>
        <translation>Share of traffic</translation>
    </message>
    <message>
        <source>In line</source>
        <translation>In line</translation>
    </message>
</context>
<context>
    <name>sitroom::models::SiteNames</name>
    <message>
        <source>Seoul</source>
        <translation>Seoul</translation>
    </message>
    <message>
        <source>Osong</source>
        <translation>Osong</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <source>unknown site</source>
        <translation>unknown site</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AdmissionPanel</name>
    <message>
        <source>■ Admission paused</source>
        <translation>■ Admission paused</translation>
    </message>
    <message>
        <source>Waiting in the queue</source>
        <translation>Waiting in the queue</translation>
    </message>
    <message>
        <source>people waiting</source>
        <translation>people waiting</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>people per second</source>
        <translation>people per second</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>Arrivals</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>Throttle</source>
        <translation>Throttle</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <source>Shown wait: none while paused</source>
        <translation>Shown wait: none while paused</translation>
    </message>
    <message>
        <source>Shown wait: %1</source>
        <translation>Shown wait: %1</translation>
    </message>
    <message>
        <source>Arriving %1 · admitted %2</source>
        <translation>Arriving %1 · admitted %2</translation>
    </message>
    <message>
        <source>Throttle %1</source>
        <translation>Throttle %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>user, site</comment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlarmLoadMeter</name>
    <message>
        <source>Calm (target ≤ 2)</source>
        <translation>Calm (target ≤ 2)</translation>
    </message>
    <message>
        <source>Busy (above target)</source>
        <translation>Busy (above target)</translation>
    </message>
    <message>
        <source>Flood: grouped by source</source>
        <translation>Flood: grouped by source</translation>
    </message>
    <message>
        <source>Alerts started in the last 10 minutes (ISA-18.2 target: about 1–2 per operator; more than 10 is a flood, and the list is summarised by source), the alerts standing now and those nobody has acknowledged. Never calm while a critical alert is unacknowledged.</source>
        <translation>Alerts started in the last 10 minutes (ISA-18.2 target: about 1–2 per operator; more than 10 is a flood, and the list is summarised by source), the alerts standing now and those nobody has acknowledged. Never calm while a critical alert is unacknowledged.</translation>
    </message>
    <message>
        <source>%1 started / 10 min</source>
        <translation>%1 started / 10 min</translation>
    </message>
    <message>
        <source>%1 standing</source>
        <translation>%1 standing</translation>
    </message>
    <message>
        <source>%1 unacknowledged (%2 critical)</source>
        <translation>%1 unacknowledged (%2 critical)</translation>
    </message>
    <message>
        <source>%1 unacknowledged</source>
        <translation>%1 unacknowledged</translation>
    </message>
    <message>
        <source>%1 shelved</source>
        <translation>%1 shelved</translation>
    </message>
    <message>
        <source>Waiting: acknowledge the alerts</source>
        <translation>Waiting: acknowledge the alerts</translation>
    </message>
    <message>
        <source>Many standing (target &lt; 10)</source>
        <translation>Many standing (target &lt; 10)</translation>
    </message>
    <message>
        <source>Critical unacknowledged: acknowledge now</source>
        <translation>Critical unacknowledged: acknowledge now</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlertAckDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Acknowledge alert</source>
        <translation>Acknowledge alert</translation>
    </message>
    <message>
        <source>What did you see or do? Both rooms read this.</source>
        <translation>What did you see or do? Both rooms read this.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Runbook step taken:</source>
        <translation>Runbook step taken:</translation>
    </message>
    <message>
        <source>Comment (required, recorded in the audit log):</source>
        <translation>Comment (required, recorded in the audit log):</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlertDelegate</name>
    <message>
        <source>First out: %1</source>
        <translation>First out: %1</translation>
    </message>
    <message>
        <source>▶ First out: %1</source>
        <translation>▶ First out: %1</translation>
    </message>
    <message>
        <source>%1 unacknowledged</source>
        <translation>%1 unacknowledged</translation>
    </message>
    <message>
        <source>All acknowledged</source>
        <translation>All acknowledged</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 until %2</translation>
    </message>
    <message>
        <source>%1 — alerts: %2</source>
        <translation>%1 — alerts: %2</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlertDesk</name>
    <message>
        <source>That alert is gone: it was cleared meanwhile.</source>
        <translation>That alert is gone: it was cleared meanwhile.</translation>
    </message>
    <message>
        <source>acknowledge “%1”</source>
        <translation>acknowledge “%1”</translation>
    </message>
    <message>
        <source>shelve “%1” for %2</source>
        <translation>shelve “%1” for %2</translation>
    </message>
    <message>
        <source>unshelved by hand from the console</source>
        <translation>unshelved by hand from the console</translation>
    </message>
    <message>
        <source>unshelve “%1”</source>
        <translation>unshelve “%1”</translation>
    </message>
    <message>
        <source>Sent: %1. Waiting for the answer…</source>
        <translation>Sent: %1. Waiting for the answer…</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Done: %1.</translation>
    </message>
    <message>
        <source>Refused by the server: %1.</source>
        <translation>Refused by the server: %1.</translation>
    </message>
    <message>
        <source>Refused by the server: %1. The server says: %2</source>
        <translation>Refused by the server: %1. The server says: %2</translation>
    </message>
    <message>
        <source>Not valid now: %1.</source>
        <translation>Not valid now: %1.</translation>
    </message>
    <message>
        <source>Not valid now: %1. The server says: %2</source>
        <translation>Not valid now: %1. The server says: %2</translation>
    </message>
    <message>
        <source>Not done: %1. The server says: %2</source>
        <translation>Not done: %1. The server says: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlertShelveDialog</name>
    <message>
        <source>Shelve alert</source>
        <translation>Shelve alert</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 hours</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 hours</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 hours</translation>
    </message>
    <message>
        <source>12 hours</source>
        <translation>12 hours</translation>
    </message>
    <message>
        <source>Why hide this alert, and who watches the condition meanwhile?</source>
        <translation>Why hide this alert, and who watches the condition meanwhile?</translation>
    </message>
    <message>
        <source>A shelved alert stays listed as shelved and comes back unacknowledged when the time runs out.</source>
        <translation>A shelved alert stays listed as shelved and comes back unacknowledged when the time runs out.</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>For:</translation>
    </message>
    <message>
        <source>▲ A critical alert: the server may refuse to let an operator shelve it.</source>
        <translation>▲ A critical alert: the server may refuse to let an operator shelve it.</translation>
    </message>
    <message>
        <source>Reason (required, recorded in the audit log):</source>
        <translation>Reason (required, recorded in the audit log):</translation>
    </message>
    <message>
        <source>Shelve</source>
        <translation>Shelve</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlertWords</name>
    <message>
        <source>Unacknowledged</source>
        <comment>alert state</comment>
        <translation>Unacknowledged</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <comment>alert state</comment>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Back to normal, unacknowledged</source>
        <comment>alert state</comment>
        <translation>Back to normal, unacknowledged</translation>
    </message>
    <message>
        <source>Shelved</source>
        <comment>alert state</comment>
        <translation>Shelved</translation>
    </message>
    <message>
        <source>Cleared</source>
        <comment>alert state</comment>
        <translation>Cleared</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>alert state</comment>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Waiting room</source>
        <comment>alert source</comment>
        <translation>Waiting room</translation>
    </message>
    <message>
        <source>Booking backend</source>
        <comment>alert source</comment>
        <translation>Booking backend</translation>
    </message>
    <message>
        <source>Bookings</source>
        <comment>alert source</comment>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>Telemetry</source>
        <comment>alert source</comment>
        <translation>Telemetry</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>raised</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>escalated</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <source>back to normal</source>
        <translation>back to normal</translation>
    </message>
    <message>
        <source>active again</source>
        <translation>active again</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>cleared</translation>
    </message>
    <message>
        <source>shelved</source>
        <translation>shelved</translation>
    </message>
    <message>
        <source>unshelved</source>
        <translation>unshelved</translation>
    </message>
    <message>
        <source>shelf expired</source>
        <translation>shelf expired</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AlertsPanel</name>
    <message>
        <source>No active alerts</source>
        <translation>No active alerts</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Acknowledge…</translation>
    </message>
    <message>
        <source>Shelve…</source>
        <translation>Shelve…</translation>
    </message>
    <message>
        <source>Unshelve</source>
        <translation>Unshelve</translation>
    </message>
    <message>
        <source>Group by source</source>
        <translation>Group by source</translation>
    </message>
    <message>
        <source>◆ Alert flood: more than 10 alerts in 10 minutes. Shown grouped by source, the first-out alert first: start there.</source>
        <translation>◆ Alert flood: more than 10 alerts in 10 minutes. Shown grouped by source, the first-out alert first: start there.</translation>
    </message>
    <message>
        <source>Raised %1 · changed %2</source>
        <translation>Raised %1 · changed %2</translation>
    </message>
    <message>
        <source>Latched at %1; the condition is at %2 now.</source>
        <translation>Latched at %1; the condition is at %2 now.</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>Acknowledged by %1</translation>
    </message>
    <message>
        <source>: “%1”</source>
        <translation>: “%1”</translation>
    </message>
    <message>
        <source> · step taken: %1</source>
        <translation> · step taken: %1</translation>
    </message>
    <message>
        <source>Shelved by %1 until %2: “%3”</source>
        <translation>Shelved by %1 until %2: “%3”</translation>
    </message>
    <message>
        <source>this layout is read-only; use the desktop layout to act</source>
        <translation>this layout is read-only; use the desktop layout to act</translation>
    </message>
    <message>
        <source>your role may not act (viewer)</source>
        <translation>your role may not act (viewer)</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>Sound off (muted)</source>
        <translation>Sound off (muted)</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Sound on</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ApprovalCountdown</name>
    <message>
        <source>This request is no longer pending: approved, withdrawn or expired.</source>
        <translation>This request is no longer pending: approved, withdrawn or expired.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ApprovalNotifier</name>
    <message>
        <source>[Approvals waiting: %1] </source>
        <comment>window title</comment>
        <translation>[Approvals waiting: %1] </translation>
    </message>
    <message>
        <source>Approval requested</source>
        <translation>Approval requested</translation>
    </message>
    <message>
        <source>Approvals waiting for you: %1 · %2 · %3</source>
        <comment>status bar</comment>
        <translation>Approvals waiting for you: %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Approvals: %1</source>
        <comment>status bar, short of room</comment>
        <translation>Approvals: %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ApprovalWords</name>
    <message>
        <source>deadline passed</source>
        <comment>approval countdown</comment>
        <translation>deadline passed</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <comment>approval countdown</comment>
        <translation>%1 s left</translation>
    </message>
    <message>
        <source>%1 min %2 s left</source>
        <comment>approval countdown</comment>
        <translation>%1 min %2 s left</translation>
    </message>
    <message>
        <source>Deadline %1 · %2</source>
        <comment>approval countdown</comment>
        <translation>Deadline %1 · %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <comment>who asks for what</comment>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>The request carries no figures from its time (a gateway older than this console).</source>
        <translation>The request carries no figures from its time (a gateway older than this console).</translation>
    </message>
    <message>
        <source>At the request</source>
        <comment>approval effect column</comment>
        <translation>At the request</translation>
    </message>
    <message>
        <source>At the request (%1)</source>
        <comment>approval effect column</comment>
        <translation>At the request (%1)</translation>
    </message>
    <message>
        <source>Now</source>
        <comment>approval effect column</comment>
        <translation>Now</translation>
    </message>
    <message>
        <source>Now (%1)</source>
        <comment>approval effect column</comment>
        <translation>Now (%1)</translation>
    </message>
    <message>
        <source>Once approved, the requested change applies as requested.</source>
        <translation>Once approved, the requested change applies as requested.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::AuditPanel</name>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 entries to %2</source>
        <translation>Exported %1 entries to %2</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>Could not export to %1: %2</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::BackendLoadStrip</name>
    <message>
        <source>Booking backend utilisation</source>
        <translation>Booking backend utilisation</translation>
    </message>
    <message>
        <source>■ Overloaded</source>
        <comment>backend load</comment>
        <translation>■ Overloaded</translation>
    </message>
    <message>
        <source>▲ High</source>
        <comment>backend load</comment>
        <translation>▲ High</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>backend load</comment>
        <translation>Normal</translation>
    </message>
    <message>
        <source>not live</source>
        <comment>backend load</comment>
        <translation>not live</translation>
    </message>
    <message>
        <source>Requests %1 · capacity %2 · p95 %3</source>
        <translation>Requests %1 · capacity %2 · p95 %3</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::BriefingView</name>
    <message>
        <source>bookings per second</source>
        <translation>bookings per second</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>people waiting</source>
        <translation>people waiting</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Situation briefing</source>
        <translation>Situation briefing</translation>
    </message>
    <message>
        <source>Situation briefing · %1</source>
        <translation>Situation briefing · %1</translation>
    </message>
    <message>
        <source>No data from the live system yet.</source>
        <translation>No data from the live system yet.</translation>
    </message>
    <message>
        <source>Verification lights: %1</source>
        <translation>Verification lights: %1</translation>
    </message>
    <message>
        <source>admission paused</source>
        <translation>admission paused</translation>
    </message>
    <message>
        <source>Waiting: %1 people · wait shown %2</source>
        <translation>Waiting: %1 people · wait shown %2</translation>
    </message>
    <message>
        <source>Bookings: %1</source>
        <translation>Bookings: %1</translation>
    </message>
    <message>
        <source>Bookings: %1 of %2 forecast for the window</source>
        <translation>Bookings: %1 of %2 forecast for the window</translation>
    </message>
    <message>
        <source>Critical alerts: none standing</source>
        <translation>Critical alerts: none standing</translation>
    </message>
    <message>
        <source>Critical alerts: %1 standing (%2 unacknowledged) · %3</source>
        <translation>Critical alerts: %1 standing (%2 unacknowledged) · %3</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::CohortPanel</name>
    <message>
        <source>bookings per minute</source>
        <translation>bookings per minute</translation>
    </message>
    <message>
        <source>Expected (40 % in 30 min) ±25 %</source>
        <translation>Expected (40 % in 30 min) ±25 %</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Bookings/min</source>
        <translation>Bookings/min</translation>
    </message>
    <message>
        <source>No booking window open or coming</source>
        <translation>No booking window open or coming</translation>
    </message>
    <message>
        <source>Booking now: %1, window %2 to %3</source>
        <translation>Booking now: %1, window %2 to %3</translation>
    </message>
    <message>
        <source>Next: %1, window %2 to %3</source>
        <translation>Next: %1, window %2 to %3</translation>
    </message>
    <message>
        <source>%1 of %2 booked (%3) · %4 a minute</source>
        <translation>%1 of %2 booked (%3) · %4 a minute</translation>
    </message>
    <message>
        <source>Opens in %1; forecast %2 bookings, %3 in the first 30 minutes</source>
        <translation>Opens in %1; forecast %2 bookings, %3 in the first 30 minutes</translation>
    </message>
    <message>
        <source>Expected by now %1 (%2 of it booked); heading for about %3 by %4 (forecast %5)</source>
        <translation>Expected by now %1 (%2 of it booked); heading for about %3 by %4 (forecast %5)</translation>
    </message>
    <message>
        <source>Expected by now %1; no projection while the bookings are not live</source>
        <translation>Expected by now %1; no projection while the bookings are not live</translation>
    </message>
    <message>
        <source>Fully booked: – (the window is not open)</source>
        <translation>Fully booked: – (the window is not open)</translation>
    </message>
    <message>
        <source>Fully booked (at %1 a minute): %2, after the window closes (%3)</source>
        <translation>Fully booked (at %1 a minute): %2, after the window closes (%3)</translation>
    </message>
    <message>
        <source>Fully booked (at %1 a minute): %2</source>
        <translation>Fully booked (at %1 a minute): %2</translation>
    </message>
    <message>
        <source>Fully booked: everyone eligible has booked</source>
        <translation>Fully booked: everyone eligible has booked</translation>
    </message>
    <message>
        <source>Fully booked: cannot be estimated (%1 to go, too few bookings a minute)</source>
        <translation>Fully booked: cannot be estimated (%1 to go, too few bookings a minute)</translation>
    </message>
    <message>
        <source>Fully booked: – (cannot be estimated without live bookings)</source>
        <translation>Fully booked: – (cannot be estimated without live bookings)</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::CommandRoomPanel</name>
    <message>
        <source>Accept…</source>
        <comment>a handover</comment>
        <translation>Accept…</translation>
    </message>
    <message>
        <source>Decline…</source>
        <comment>a handover</comment>
        <translation>Decline…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <comment>a handover</comment>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <source>Take command…</source>
        <translation>Take command…</translation>
    </message>
    <message>
        <source>Only when the gateway of the room in command has been unreachable for the gateway's set time; the gateway refuses it otherwise. Recorded in the audit as a takeover.</source>
        <translation>Only when the gateway of the room in command has been unreachable for the gateway's set time; the gateway refuses it otherwise. Recorded in the audit as a takeover.</translation>
    </message>
    <message>
        <source>Offer command to %1…</source>
        <translation>Offer command to %1…</translation>
    </message>
    <message>
        <source>Ask for command…</source>
        <translation>Ask for command…</translation>
    </message>
    <message>
        <source>Handover waiting: %1</source>
        <translation>Handover waiting: %1</translation>
    </message>
    <message>
        <source>The gateway cannot reach its shared state store: it refuses every control, from either room, until the store is back.</source>
        <translation>The gateway cannot reach its shared state store: it refuses every control, from either room, until the store is back.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::CommandRoomWords</name>
    <message>
        <source>%1 room</source>
        <comment>a situation room</comment>
        <translation>%1 room</translation>
    </message>
    <message>
        <source>In command: %1</source>
        <translation>In command: %1</translation>
    </message>
    <message>
        <source>In command: %1</source>
        <comment>status bar</comment>
        <translation>In command: %1</translation>
    </message>
    <message>
        <source>%1 · handover waiting</source>
        <comment>status bar</comment>
        <translation>%1 · handover waiting</translation>
    </message>
    <message>
        <source>%1 is in command: a supervisor of %2 must approve</source>
        <comment>a control from another room</comment>
        <translation>%1 is in command: a supervisor of %2 must approve</translation>
    </message>
    <message>
        <source>Controls from this console wait for approval by %1.</source>
        <translation>Controls from this console wait for approval by %1.</translation>
    </message>
    <message>
        <source>This console's room steers: controls take effect as decided here.</source>
        <translation>This console's room steers: controls take effect as decided here.</translation>
    </message>
    <message>
        <source>Controls from this console wait for approval by a supervisor of %1.</source>
        <translation>Controls from this console wait for approval by a supervisor of %1.</translation>
    </message>
    <message>
        <source>%1 → %2 · asked by %3</source>
        <translation>%1 → %2 · asked by %3</translation>
    </message>
    <message>
        <source>A supervisor of %1 accepts or declines.</source>
        <translation>A supervisor of %1 accepts or declines.</translation>
    </message>
    <message>
        <source>Deadline %1 · %2</source>
        <comment>handover countdown</comment>
        <translation>Deadline %1 · %2</translation>
    </message>
    <message>
        <source>waits for a supervisor of %1</source>
        <comment>a control from another room</comment>
        <translation>waits for a supervisor of %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::CommandStageLabel</name>
    <message>
        <source>Last command (%1): %2</source>
        <translation>Last command (%1): %2</translation>
    </message>
    <message>
        <source> (not connected: the last stage known)</source>
        <translation> (not connected: the last stage known)</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ConnectionStatus</name>
    <message>
        <source>viewer</source>
        <translation>viewer</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>not signed in</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● Connected</translation>
    </message>
    <message>
        <source>○ Not connected</source>
        <translation>○ Not connected</translation>
    </message>
    <message>
        <source>RTT –</source>
        <translation>RTT –</translation>
    </message>
    <message>
        <source>RTT %1 ms</source>
        <translation>RTT %1 ms</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>Prometheus %1</source>
        <translation>Prometheus %1</translation>
    </message>
    <message>
        <source>Switched to the %1 %2</source>
        <translation>Switched to the %1 %2</translation>
    </message>
    <message>
        <source>○ Switching gateways…</source>
        <translation>○ Switching gateways…</translation>
    </message>
    <message>
        <source>In use: %1. Gateways, in order of preference: %2.</source>
        <translation>In use: %1. Gateways, in order of preference: %2.</translation>
    </message>
    <message>
        <source>At %1 this console moved from %2 to %3: the gateway it was on failed or could no longer serve well.</source>
        <translation>At %1 this console moved from %2 to %3: the gateway it was on failed or could no longer serve well.</translation>
    </message>
    <message>
        <source>%1 (switched)</source>
        <comment>the gateway in use, just after the console moved to it</comment>
        <translation>%1 (switched)</translation>
    </message>
    <message>
        <source>%1 · refusing controls</source>
        <comment>a gateway whose state store is out of reach</comment>
        <translation>%1 · refusing controls</translation>
    </message>
    <message>
        <source>Reads the live system from: %1</source>
        <translation>Reads the live system from: %1</translation>
    </message>
    <message>
        <source>The gateway cannot reach its shared state store: it refuses every command until the store is back (its service level is %1). Telemetry keeps flowing.</source>
        <translation>The gateway cannot reach its shared state store: it refuses every command until the store is back (its service level is %1). Telemetry keeps flowing.</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <comment>user (this console's site, role)</comment>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>● %1</source>
        <comment>the gateway this console is connected to</comment>
        <translation>● %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>the link's state · the gateway</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <comment>round-trip time, short of room</comment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No data yet</source>
        <comment>status bar</comment>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ControlConfirmDialog</name>
    <message>
        <source>Act on stale data: I know the picture may be out of date</source>
        <translation>Act on stale data: I know the picture may be out of date</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Now:</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>New:</translation>
    </message>
    <message>
        <source>Until enabled again</source>
        <translation>Until enabled again</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 hours</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>For:</translation>
    </message>
    <message>
        <source>Expected effect</source>
        <translation>Expected effect</translation>
    </message>
    <message>
        <source>Takes effect at once; no second approval needed.</source>
        <translation>Takes effect at once; no second approval needed.</translation>
    </message>
    <message>
        <source>▲ The data on this console is stale: the figures above may no longer be true. Sending is refused unless you override explicitly; the override is audited.</source>
        <translation>▲ The data on this console is stale: the figures above may no longer be true. Sending is refused unless you override explicitly; the override is audited.</translation>
    </message>
    <message>
        <source>Reason (required, recorded in the audit log):</source>
        <translation>Reason (required, recorded in the audit log):</translation>
    </message>
    <message>
        <source>Why this change, now?</source>
        <translation>Why this change, now?</translation>
    </message>
    <message>
        <source>Request approval</source>
        <translation>Request approval</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <source>▲ Figures this change is decided on are not live (%1): they may no longer be true. Sending is refused unless you override explicitly; the override is audited.</source>
        <translation>▲ Figures this change is decided on are not live (%1): they may no longer be true. Sending is refused unless you override explicitly; the override is audited.</translation>
    </message>
    <message>
        <source>■ Hazardous: a second supervisor must approve this before it takes effect, by the deadline the server sets when it receives the request.</source>
        <translation>■ Hazardous: a second supervisor must approve this before it takes effect, by the deadline the server sets when it receives the request.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ControlDesk</name>
    <message>
        <source>Change the admission rate</source>
        <translation>Change the admission rate</translation>
    </message>
    <message>
        <source>admission rate %1</source>
        <translation>admission rate %1</translation>
    </message>
    <message>
        <source>Pause admission</source>
        <translation>Pause admission</translation>
    </message>
    <message>
        <source>admission paused</source>
        <translation>admission paused</translation>
    </message>
    <message>
        <source>Resume admission</source>
        <translation>Resume admission</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>Enable %1</translation>
    </message>
    <message>
        <source>%1 disabled (중단 shown to citizens)</source>
        <translation>%1 disabled (중단 shown to citizens)</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation>%1 enabled</translation>
    </message>
    <message>
        <source>Citizens can choose %1 again; its share ramps back in over a few minutes.</source>
        <translation>Citizens can choose %1 again; its share ramps back in over a few minutes.</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>Disable %1</translation>
    </message>
    <message>
        <source>Approve a hazardous change</source>
        <translation>Approve a hazardous change</translation>
    </message>
    <message>
        <source>Sent: %1. Waiting for the answer…</source>
        <translation>Sent: %1. Waiting for the answer…</translation>
    </message>
    <message>
        <source>Controls changed by %1. Now: %2.</source>
        <translation>Controls changed by %1. Now: %2.</translation>
    </message>
    <message>
        <source>Step not taken: not connected to the live system.</source>
        <translation>Step not taken: not connected to the live system.</translation>
    </message>
    <message>
        <source>Step not taken: only a supervisor may disable or enable a provider.</source>
        <translation>Step not taken: only a supervisor may disable or enable a provider.</translation>
    </message>
    <message>
        <source>Step not taken: your role may not change admission.</source>
        <translation>Step not taken: your role may not change admission.</translation>
    </message>
    <message>
        <source>Not approved: the request is no longer pending (approved, withdrawn or expired).</source>
        <translation>Not approved: the request is no longer pending (approved, withdrawn or expired).</translation>
    </message>
    <message>
        <source>Deadline set by the server: %1.</source>
        <translation>Deadline set by the server: %1.</translation>
    </message>
    <message>
        <source>Offer command to %1</source>
        <translation>Offer command to %1</translation>
    </message>
    <message>
        <source>Ask %1 for command</source>
        <translation>Ask %1 for command</translation>
    </message>
    <message>
        <source>%1, once a supervisor of %2 accepts</source>
        <translation>%1, once a supervisor of %2 accepts</translation>
    </message>
    <message>
        <source>In command: %1</source>
        <translation>In command: %1</translation>
    </message>
    <message>
        <source>Nothing moves until it is accepted; unanswered, it lapses at the deadline the server sets. Once accepted, %1 steers and the controls of %2 wait for its supervisors' approval.</source>
        <translation>Nothing moves until it is accepted; unanswered, it lapses at the deadline the server sets. Once accepted, %1 steers and the controls of %2 wait for its supervisors' approval.</translation>
    </message>
    <message>
        <source>■ A supervisor of %1 must accept the handover.</source>
        <translation>■ A supervisor of %1 must accept the handover.</translation>
    </message>
    <message>
        <source>Request handover</source>
        <translation>Request handover</translation>
    </message>
    <message>
        <source>Not answered: the handover is no longer waiting (answered, withdrawn or expired).</source>
        <translation>Not answered: the handover is no longer waiting (answered, withdrawn or expired).</translation>
    </message>
    <message>
        <source>Accept the handover</source>
        <translation>Accept the handover</translation>
    </message>
    <message>
        <source>%1 steers from now on; the controls of %2 wait for its supervisors' approval.</source>
        <translation>%1 steers from now on; the controls of %2 wait for its supervisors' approval.</translation>
    </message>
    <message>
        <source>Accept</source>
        <comment>a handover</comment>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Decline the handover</source>
        <translation>Decline the handover</translation>
    </message>
    <message>
        <source>%1 stays in command</source>
        <translation>%1 stays in command</translation>
    </message>
    <message>
        <source>Nothing moves; %1 is told it was declined.</source>
        <translation>Nothing moves; %1 is told it was declined.</translation>
    </message>
    <message>
        <source>Decline</source>
        <comment>a handover</comment>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Withdraw the handover</source>
        <translation>Withdraw the handover</translation>
    </message>
    <message>
        <source>Nothing moves; the request is taken back.</source>
        <translation>Nothing moves; the request is taken back.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <comment>a handover</comment>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Take command without a handover</source>
        <translation>Take command without a handover</translation>
    </message>
    <message>
        <source>Only when the gateway of %1 has been unreachable for the gateway's set time: the gateway refuses it otherwise. Recorded in the audit as a takeover.</source>
        <translation>Only when the gateway of %1 has been unreachable for the gateway's set time: the gateway refuses it otherwise. Recorded in the audit as a takeover.</translation>
    </message>
    <message>
        <source>■ Takes effect at once when the gateway allows it; nobody accepts it.</source>
        <translation>■ Takes effect at once when the gateway allows it; nobody accepts it.</translation>
    </message>
    <message>
        <source>Take command</source>
        <translation>Take command</translation>
    </message>
    <message>
        <source>Command has moved: %1 is in command now (%2).</source>
        <translation>Command has moved: %1 is in command now (%2).</translation>
    </message>
    <message>
        <source>Handover waiting for your room: %1.</source>
        <translation>Handover waiting for your room: %1.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ControlRouteWords</name>
    <message>
        <source>Send anyway</source>
        <comment>a command the gateway is expected to refuse</comment>
        <translation>Send anyway</translation>
    </message>
    <message>
        <source>■ Not connected to a gateway: nothing can be sent now. Send it from here once the console is connected again.</source>
        <translation>■ Not connected to a gateway: nothing can be sent now. Send it from here once the console is connected again.</translation>
    </message>
    <message>
        <source>■ The gateway will refuse this: it cannot reach its shared state store, so it decides no command until the store is back. Nothing will change.</source>
        <translation>■ The gateway will refuse this: it cannot reach its shared state store, so it decides no command until the store is back. Nothing will change.</translation>
    </message>
    <message>
        <source>■ The gateway will refuse this: %1 is in command, and only a supervisor of %2 may approve.</source>
        <translation>■ The gateway will refuse this: %1 is in command, and only a supervisor of %2 may approve.</translation>
    </message>
    <message>
        <source>■ %1. It takes effect once approved, by the deadline the server sets when it receives the request.</source>
        <translation>■ %1. It takes effect once approved, by the deadline the server sets when it receives the request.</translation>
    </message>
    <message>
        <source>Request approval</source>
        <translation>Request approval</translation>
    </message>
    <message>
        <source>■ Hazardous: a second supervisor must approve this before it takes effect, by the deadline the server sets when it receives the request.</source>
        <translation>■ Hazardous: a second supervisor must approve this before it takes effect, by the deadline the server sets when it receives the request.</translation>
    </message>
    <message>
        <source>Takes effect at once; no second approval needed.</source>
        <translation>Takes effect at once; no second approval needed.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ControlWords</name>
    <message>
        <source>nobody yet</source>
        <translation>nobody yet</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>an unknown time</translation>
    </message>
    <message>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2) at %3</translation>
    </message>
    <message>
        <source>%1 (%2) at %3: “%4”</source>
        <translation>%1 (%2) at %3: “%4”</translation>
    </message>
    <message>
        <source>admission paused</source>
        <translation>admission paused</translation>
    </message>
    <message>
        <source>admission rate %1</source>
        <translation>admission rate %1</translation>
    </message>
    <message>
        <source>, disabled: %1</source>
        <translation>, disabled: %1</translation>
    </message>
    <message>
        <source>Admission rate to %1</source>
        <translation>Admission rate to %1</translation>
    </message>
    <message>
        <source>Pause admission</source>
        <translation>Pause admission</translation>
    </message>
    <message>
        <source>Resume admission</source>
        <translation>Resume admission</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>Enable %1</translation>
    </message>
    <message>
        <source>Disable %1 for %2</source>
        <translation>Disable %1 for %2</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>Disable %1</translation>
    </message>
    <message>
        <source>Approve request %1</source>
        <translation>Approve request %1</translation>
    </message>
    <message>
        <source>Control change</source>
        <translation>Control change</translation>
    </message>
    <message>
        <source>%1 carries %2 of verification requests now (%3). Citizens who would choose it choose among the other providers, in proportion to their shares:</source>
        <translation>%1 carries %2 of verification requests now (%3). Citizens who would choose it choose among the other providers, in proportion to their shares:</translation>
    </message>
    <message>
        <source>⚠ No other provider is enabled: these citizens cannot verify at all.</source>
        <translation>⚠ No other provider is enabled: these citizens cannot verify at all.</translation>
    </message>
    <message>
        <source>• %1: share %2 → %3, %4 of %5 capacity (%6)</source>
        <translation>• %1: share %2 → %3, %4 of %5 capacity (%6)</translation>
    </message>
    <message>
        <source> ⚠ above 90 % of capacity</source>
        <translation> ⚠ above 90 % of capacity</translation>
    </message>
    <message>
        <source>No one is admitted while paused; citizens are shown no wait.</source>
        <translation>No one is admitted while paused; citizens are shown no wait.</translation>
    </message>
    <message>
        <source>Admitting up to %1 against %2 arriving now.</source>
        <translation>Admitting up to %1 against %2 arriving now.</translation>
    </message>
    <message>
        <source>The queue (%1 people) holds steady.</source>
        <translation>The queue (%1 people) holds steady.</translation>
    </message>
    <message>
        <source>The queue (%1 people) grows by about %2 people a minute.</source>
        <translation>The queue (%1 people) grows by about %2 people a minute.</translation>
    </message>
    <message>
        <source>The queue (%1 people) drains by about %2 people a minute.</source>
        <translation>The queue (%1 people) drains by about %2 people a minute.</translation>
    </message>
    <message>
        <source>none (paused)</source>
        <translation>none (paused)</translation>
    </message>
    <message>
        <source>Shown wait: %1 now, %2 at the new rate.</source>
        <translation>Shown wait: %1 now, %2 at the new rate.</translation>
    </message>
    <message>
        <source>Applied: %1.</source>
        <translation>Applied: %1.</translation>
    </message>
    <message>
        <source>Waiting for approval by another supervisor: %1 (request %2).</source>
        <translation>Waiting for approval by another supervisor: %1 (request %2).</translation>
    </message>
    <message>
        <source>Not applied: the controls changed before yours arrived. Now: %1. Last changed by %2. Look again and decide anew.</source>
        <translation>Not applied: the controls changed before yours arrived. Now: %1. Last changed by %2. Look again and decide anew.</translation>
    </message>
    <message>
        <source>Refused: %1. %2</source>
        <translation>Refused: %1. %2</translation>
    </message>
    <message>
        <source>Not valid: %1. %2</source>
        <translation>Not valid: %1. %2</translation>
    </message>
    <message>
        <source>Expired: %1. %2</source>
        <translation>Expired: %1. %2</translation>
    </message>
    <message>
        <source>No clear answer for: %1. %2</source>
        <translation>No clear answer for: %1. %2</translation>
    </message>
    <message>
        <source>sent</source>
        <comment>command stage</comment>
        <translation>sent</translation>
    </message>
    <message>
        <source>checking the effect</source>
        <comment>command stage</comment>
        <translation>checking the effect</translation>
    </message>
    <message>
        <source>effect seen (%1 s)</source>
        <comment>command stage</comment>
        <translation>effect seen (%1 s)</translation>
    </message>
    <message>
        <source>effect not seen</source>
        <comment>command stage</comment>
        <translation>effect not seen</translation>
    </message>
    <message>
        <source>delivery failed</source>
        <comment>command stage</comment>
        <translation>delivery failed</translation>
    </message>
    <message>
        <source>delivery failed: %1</source>
        <comment>command stage</comment>
        <translation>delivery failed: %1</translation>
    </message>
    <message>
        <source>Not sent: not connected to the server (%1).</source>
        <translation>Not sent: not connected to the server (%1).</translation>
    </message>
    <message>
        <source>Request a handover of command</source>
        <translation>Request a handover of command</translation>
    </message>
    <message>
        <source>Accept the handover</source>
        <translation>Accept the handover</translation>
    </message>
    <message>
        <source>Decline the handover</source>
        <translation>Decline the handover</translation>
    </message>
    <message>
        <source>Withdraw the handover</source>
        <translation>Withdraw the handover</translation>
    </message>
    <message>
        <source>Answer the handover</source>
        <translation>Answer the handover</translation>
    </message>
    <message>
        <source>Take command</source>
        <translation>Take command</translation>
    </message>
    <message>
        <source>Handover requested: %1 (request %2).</source>
        <translation>Handover requested: %1 (request %2).</translation>
    </message>
    <message>
        <source>Waiting: %1. %2 (request %3).</source>
        <translation>Waiting: %1. %2 (request %3).</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::CriticalAlarm</name>
    <message>
        <source>Critical alert</source>
        <translation>Critical alert</translation>
    </message>
    <message>
        <source>Mute the sound of critical alerts and approval requests</source>
        <translation>Mute the sound of critical alerts and approval requests</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::DrillBanner</name>
    <message>
        <source>DRILL</source>
        <comment>banner over the whole console during an exercise</comment>
        <translation>DRILL</translation>
    </message>
    <message>
        <source>an exercise, not real operations</source>
        <translation>an exercise, not real operations</translation>
    </message>
    <message>
        <source>The live system says this is a drill: its figures and alerts are an exercise's.</source>
        <translation>The live system says this is a drill: its figures and alerts are an exercise's.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::FigureDelegate</name>
    <message>
        <source>%1/min</source>
        <translation>%1/min</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::LiveClockLabel</name>
    <message>
        <source>Live system %1</source>
        <comment>status bar clock</comment>
        <translation>Live system %1</translation>
    </message>
    <message>
        <source>The live system's clock, once its data arrives</source>
        <translation>The live system's clock, once its data arrives</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <comment>simulation speed</comment>
        <translation>as fast as possible</translation>
    </message>
    <message>
        <source>(last received)</source>
        <comment>status bar clock while the data is stale</comment>
        <translation>(last received)</translation>
    </message>
    <message>
        <source>The simulation's clock (every time on this console is on it) and the wall clock, in %1</source>
        <translation>The simulation's clock (every time on this console is on it) and the wall clock, in %1</translation>
    </message>
    <message>
        <source>The live system's clock (every time on this console is on it), in %1</source>
        <translation>The live system's clock (every time on this console is on it), in %1</translation>
    </message>
    <message>
        <source>Simulation %1 · Wall clock %2</source>
        <comment>status bar clock</comment>
        <translation>Simulation %1 · Wall clock %2</translation>
    </message>
    <message>
        <source>Live system %1 · Wall clock %2</source>
        <comment>status bar clock, the two clocks differ</comment>
        <translation>Live system %1 · Wall clock %2</translation>
    </message>
    <message>
        <source>The live system's clock (every time on this console is on it) and the wall clock, more than %2 seconds apart, in %1</source>
        <translation>The live system's clock (every time on this console is on it) and the wall clock, more than %2 seconds apart, in %1</translation>
    </message>
    <message>
        <source>%1×</source>
        <comment>simulation speed</comment>
        <translation>%1×</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::PendingApprovalsPanel</name>
    <message>
        <source>No change is waiting for approval.</source>
        <translation>No change is waiting for approval.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>%1, requested by %2</source>
        <translation>%1, requested by %2</translation>
    </message>
    <message>
        <source>yours: another supervisor approves</source>
        <translation>yours: another supervisor approves</translation>
    </message>
    <message>
        <source>Deadline (gateway's)</source>
        <translation>Deadline (gateway's)</translation>
    </message>
    <message>
        <source>yours: %1</source>
        <translation>yours: %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ProviderBoard</name>
    <message>
        <source>Disable %1…</source>
        <translation>Disable %1…</translation>
    </message>
    <message>
        <source>Enable %1…</source>
        <translation>Enable %1…</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ProviderTile</name>
    <message>
        <source>p95 latency</source>
        <translation>p95 latency</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Success</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 for %2</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::RotationCalendar</name>
    <message>
        <source>Ends in %1</source>
        <comment>birth-date last digits of a rotation day</comment>
        <translation>Ends in %1</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::RunbookPane</name>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>Select an alert to see its runbook.</source>
        <translation>Select an alert to see its runbook.</translation>
    </message>
    <message>
        <source>This alert names no runbook.</source>
        <translation>This alert names no runbook.</translation>
    </message>
    <message>
        <source>The runbook “%1” is not in this console.</source>
        <translation>The runbook “%1” is not in this console.</translation>
    </message>
    <message>
        <source>Runbook: %1</source>
        <translation>Runbook: %1</translation>
    </message>
    <message>
        <source>it checks a provider, and this alert names none</source>
        <translation>it checks a provider, and this alert names none</translation>
    </message>
    <message>
        <source>it needs %1, which the live system does not report</source>
        <translation>it needs %1, which the live system does not report</translation>
    </message>
    <message>
        <source>it requires %1 to be congested (red); it is now %2</source>
        <translation>it requires %1 to be congested (red); it is now %2</translation>
    </message>
    <message>
        <source>it requires %1 not to be smooth; it is now %2</source>
        <translation>it requires %1 not to be smooth; it is now %2</translation>
    </message>
    <message>
        <source>it requires %1 to be smooth (green); it is now %2</source>
        <translation>it requires %1 to be smooth (green); it is now %2</translation>
    </message>
    <message>
        <source>it requires %1 to be enabled; it is now disabled</source>
        <translation>it requires %1 to be enabled; it is now disabled</translation>
    </message>
    <message>
        <source>it requires %1 to be disabled; it is now enabled</source>
        <translation>it requires %1 to be disabled; it is now enabled</translation>
    </message>
    <message>
        <source>it requires the waiting room's wait above %1; admission is paused now</source>
        <translation>it requires the waiting room's wait above %1; admission is paused now</translation>
    </message>
    <message>
        <source>it requires the waiting room's wait above %1; it is now %2</source>
        <translation>it requires the waiting room's wait above %1; it is now %2</translation>
    </message>
    <message>
        <source>it requires the booking backend above %1 of capacity; it is now %2</source>
        <translation>it requires the booking backend above %1 of capacity; it is now %2</translation>
    </message>
    <message>
        <source>it requires admission to be running; it is paused now</source>
        <translation>it requires admission to be running; it is paused now</translation>
    </message>
    <message>
        <source>it requires admission to be paused; it is running now</source>
        <translation>it requires admission to be paused; it is running now</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <source>This step</source>
        <translation>This step</translation>
    </message>
    <message>
        <source>This runbook link is not a step the console knows (%1).</source>
        <translation>This runbook link is not a step the console knows (%1).</translation>
    </message>
    <message>
        <source>%1 not taken: %2</source>
        <translation>%1 not taken: %2</translation>
    </message>
    <message>
        <source>this console cannot act</source>
        <translation>this console cannot act</translation>
    </message>
    <message>
        <source>%1 not taken: the data is stale, so its condition cannot be checked.</source>
        <translation>%1 not taken: the data is stale, so its condition cannot be checked.</translation>
    </message>
    <message>
        <source>%1 not taken: %2.</source>
        <translation>%1 not taken: %2.</translation>
    </message>
    <message>
        <source>Runbook: %1 (for %2, the provider doing worst now)</source>
        <translation>Runbook: %1 (for %2, the provider doing worst now)</translation>
    </message>
    <message>
        <source>disable %1 for %2</source>
        <comment>runbook step</comment>
        <translation>disable %1 for %2</translation>
    </message>
    <message>
        <source>disable %1</source>
        <comment>runbook step</comment>
        <translation>disable %1</translation>
    </message>
    <message>
        <source>enable %1</source>
        <comment>runbook step</comment>
        <translation>enable %1</translation>
    </message>
    <message>
        <source>throttle to %1</source>
        <comment>runbook step</comment>
        <translation>throttle to %1</translation>
    </message>
    <message>
        <source>throttle to %1 of the current rate</source>
        <comment>runbook step</comment>
        <translation>throttle to %1 of the current rate</translation>
    </message>
    <message>
        <source>pause admission</source>
        <comment>runbook step</comment>
        <translation>pause admission</translation>
    </message>
    <message>
        <source>resume admission</source>
        <comment>runbook step</comment>
        <translation>resume admission</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::SignInDialog</name>
    <message>
        <source>Sign in to the live system</source>
        <translation>Sign in to the live system</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Site</source>
        <comment>where this console is</comment>
        <translation>Site</translation>
    </message>
    <message>
        <source>The lock-out is over; you may sign in again.</source>
        <translation>The lock-out is over; you may sign in again.</translation>
    </message>
    <message>
        <source>The user name or password was not accepted. Type the password again; it is not retried by itself.</source>
        <translation>The user name or password was not accepted. Type the password again; it is not retried by itself.</translation>
    </message>
    <message>
        <source>Sign in (%1 s)</source>
        <translation>Sign in (%1 s)</translation>
    </message>
    <message>
        <source>%1 situation room</source>
        <translation>%1 situation room</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::StaleBanner</name>
    <message>
        <source>No data: this console does not connect. %1</source>
        <translation>No data: this console does not connect. %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::StaleFigureWords</name>
    <message>
        <source>Prometheus not answering</source>
        <translation>Prometheus not answering</translation>
    </message>
    <message>
        <source>query failed</source>
        <translation>query failed</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>scrape target down (up = 0)</source>
        <translation>scrape target down (up = 0)</translation>
    </message>
    <message>
        <source>reason unknown</source>
        <translation>reason unknown</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>stale reason, then how many figures</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 figures frozen: %2</source>
        <translation>%1 figures frozen: %2</translation>
    </message>
    <message>
        <source>Frozen: %1</source>
        <translation>Frozen: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, since %1</source>
        <translation>, since %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::StatusNotice</name>
    <message>
        <source>Click for the recent messages.</source>
        <translation>Click for the recent messages.</translation>
    </message>
    <message>
        <source>Recent messages</source>
        <translation>Recent messages</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>No messages yet.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>a message in the history: when, what</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::SwitchWords</name>
    <message>
        <source>%1 (%2)</source>
        <comment>user (site)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Disabled (by whom not known)</source>
        <translation>Disabled (by whom not known)</translation>
    </message>
    <message>
        <source>Disabled by %1</source>
        <translation>Disabled by %1</translation>
    </message>
    <message>
        <source>Disabled by %1, approved by %2</source>
        <translation>Disabled by %1, approved by %2</translation>
    </message>
    <message>
        <source>Why: “%1”</source>
        <translation>Why: “%1”</translation>
    </message>
    <message>
        <source>Until %1 (%2 left)</source>
        <translation>Until %1 (%2 left)</translation>
    </message>
    <message>
        <source>Until %1 (due now)</source>
        <translation>Until %1 (due now)</translation>
    </message>
    <message>
        <source>Until re-enabled by hand</source>
        <translation>Until re-enabled by hand</translation>
    </message>
    <message>
        <source>Ramping back in: %1 · full at %2</source>
        <translation>Ramping back in: %1 · full at %2</translation>
    </message>
    <message>
        <source>Re-enabled as the timed disable ended</source>
        <translation>Re-enabled as the timed disable ended</translation>
    </message>
    <message>
        <source>Re-enabled by %1</source>
        <translation>Re-enabled by %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ThrottleControl</name>
    <message>
        <source>Apply…</source>
        <translation>Apply…</translation>
    </message>
    <message>
        <source>Pause…</source>
        <translation>Pause…</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>Resume…</translation>
    </message>
    <message>
        <source> /s</source>
        <comment>per second</comment>
        <translation> /s</translation>
    </message>
    <message>
        <source>Admission rate</source>
        <translation>Admission rate</translation>
    </message>
    <message>
        <source>Admission rate:</source>
        <translation>Admission rate:</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>In force: %1</source>
        <translation>In force: %1</translation>
    </message>
    <message>
        <source>In force: admission paused (rate %1)</source>
        <translation>In force: admission paused (rate %1)</translation>
    </message>
    <message>
        <source>Changed at another console: admission rate now %1 (%2, %3). Your draft %4 is kept; apply it or discard it.</source>
        <translation>Changed at another console: admission rate now %1 (%2, %3). Your draft %4 is kept; apply it or discard it.</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::ThrottlePreview</name>
    <message>
        <source>In 30 min: %1 waiting, shown wait %2</source>
        <translation>In 30 min: %1 waiting, shown wait %2</translation>
    </message>
    <message>
        <source>In 30 min: %1 waiting, no wait can be shown while paused</source>
        <translation>In 30 min: %1 waiting, no wait can be shown while paused</translation>
    </message>
    <message>
        <source>Queue empty in %1</source>
        <translation>Queue empty in %1</translation>
    </message>
    <message>
        <source>Booking backend utilisation: %1 now, at most %2</source>
        <translation>Booking backend utilisation: %1 now, at most %2</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::TimeSeriesChart</name>
    <message>
        <source>Live system's clock (%1)</source>
        <comment>time axis title</comment>
        <translation>Live system's clock (%1)</translation>
    </message>
    <message>
        <source>Projection</source>
        <comment>a what-if drawn on a chart, not measured data</comment>
        <translation>Projection</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::WallAlarm</name>
    <message>
        <source>No critical alert stands</source>
        <translation>No critical alert stands</translation>
    </message>
    <message>
        <source>■ Critical alerts standing: %1 (%2 unacknowledged)</source>
        <translation>■ Critical alerts standing: %1 (%2 unacknowledged)</translation>
    </message>
    <message>
        <source>■ Critical alerts standing: %1</source>
        <translation>■ Critical alerts standing: %1</translation>
    </message>
</context>
<context>
    <name>sitroom::widgets::WallBoard</name>
    <message>
        <source>Waiting in the queue</source>
        <translation>Waiting in the queue</translation>
    </message>
    <message>
        <source>Wait shown to citizens</source>
        <translation>Wait shown to citizens</translation>
    </message>
    <message>
        <source>Bookings against the forecast</source>
        <translation>Bookings against the forecast</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <source>admitted %1</source>
        <translation>admitted %1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>admission is paused</source>
        <translation>admission is paused</translation>
    </message>
    <message>
        <source>no booking window open or coming</source>
        <translation>no booking window open or coming</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>Opens %1</translation>
    </message>
    <message>
        <source>forecast %1, %2 in the first 30 min</source>
        <translation>forecast %1, %2 in the first 30 min</translation>
    </message>
    <message>
        <source>expected by now %1</source>
        <translation>expected by now %1</translation>
    </message>
    <message>
        <source>expected by now %1 (%2 of that)</source>
        <translation>expected by now %1 (%2 of that)</translation>
    </message>
    <message>
        <source>%1 booked</source>
        <translation>%1 booked</translation>
    </message>
</context>
</TS>