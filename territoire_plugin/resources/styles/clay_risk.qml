<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology|Fields">
  <renderer-v2 type="categorizedSymbol" attr="clay_class" enableorderby="0" symbollevels="0" forceraster="0">
    <categories>
      <category symbol="0" value="3" render="true" label="à inspecter"/>
      <category symbol="1" value="2" render="true" label="à surveiller"/>
      <category symbol="2" value="1" render="true" label="pas de signe"/>
      <category symbol="3" value="0" render="true" label="données insuffisantes"/>
    </categories>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="215,25,28,255"/>
          <prop k="outline_color" v="60,60,60,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="253,174,97,255"/>
          <prop k="outline_color" v="60,60,60,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="26,150,65,255"/>
          <prop k="outline_color" v="60,60,60,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="189,189,189,255"/>
          <prop k="outline_color" v="60,60,60,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.1"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <aliases>
    <alias index="0" name="Part en exposition forte (%)" field="clay_high_pct"/>
    <alias index="1" name="Part en exposition moyenne (%)" field="clay_medium_pct"/>
    <alias index="2" name="Part en exposition faible (%)" field="clay_low_pct"/>
    <alias index="3" name="Exposition la plus forte (0 à 3)" field="clay_worst"/>
    <alias index="4" name="Points EGMS" field="clay_points"/>
    <alias index="5" name="Vitesse (mm/an)" field="clay_velocity"/>
    <alias index="6" name="Accélération (mm/an²)" field="clay_acceleration"/>
    <alias index="7" name="Amplitude saisonnière (mm)" field="clay_amplitude"/>
    <alias index="8" name="Affaissement d'été sec (mm)" field="clay_dry_drop"/>
    <alias index="9" name="Étés secs couverts" field="clay_dry_years"/>
    <alias index="10" name="Écart de vitesse sur l'emprise (mm/an)" field="clay_differential"/>
    <alias index="11" name="Classe argiles (0 à 3)" field="clay_class"/>
    <alias index="12" name="Classe argiles" field="clay_class_label"/>
    <alias index="13" name="Pourquoi" field="clay_why"/>
  </aliases>
</qgis>
